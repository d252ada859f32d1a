import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MemberProfile, profileMetadata } from "@/components/listings/member-profile";
import { parseProfilePages } from "@/lib/pagination";

// /users/<handle>?page=N&cpage=M, rewritten here by proxy.ts to /users/<handle>/p/N-M (the reader
// keeps the address they asked for). Cached like the profile's first page.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ handle: string; pages: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle, pages } = await params;
  const parsed = parseProfilePages(pages);
  return parsed ? profileMetadata(handle, parsed) : {};
}

export default async function Page({ params }: Props) {
  const { handle, pages } = await params;
  const parsed = parseProfilePages(pages);
  if (!parsed) notFound();
  return <MemberProfile handle={handle} pages={parsed} />;
}
