import type { Metadata } from "next";
import { TagArticles, tagMetadata } from "@/components/listings/tag-articles";

// Cached for everyone, expired by the writes that change it (lib/cache/revalidate.ts) and at the
// next scheduled article's time (lib/articles/reveal.ts). Later pages: ./page/[n].
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug, 1);
}

export default async function TagPage({ params }: Props) {
  return <TagArticles slug={(await params).slug} page={1} />;
}
