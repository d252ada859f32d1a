import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TagArticles, tagMetadata } from "@/components/listings/tag-articles";
import { parsePageSegment } from "@/lib/pagination";

// /tags/<slug>?page=N, rewritten here by proxy.ts (the reader keeps the address they asked for).
// Cached like the tag's first page.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const page = parsePageSegment(n);
  return page ? tagMetadata(slug, page) : {};
}

export default async function Page({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageSegment(n);
  if (!page) notFound();
  return <TagArticles slug={slug} page={page} />;
}
