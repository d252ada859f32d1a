import type { Metadata } from "next";
import { MemberProfile, profileMetadata } from "@/components/listings/member-profile";

// Cached for everyone (see components/listings/member-profile.tsx). Other pages: ./p/[pages].
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

const FIRST = { page: 1, commentPage: 1 };
type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return profileMetadata((await params).handle, FIRST);
}

export default async function ProfilePage({ params }: Props) {
  return <MemberProfile handle={(await params).handle} pages={FIRST} />;
}
