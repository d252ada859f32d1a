import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticlePage, articleMetadata } from "@/components/articles/article-page";
import { parseVariantSegment } from "@/lib/comments/thread-view";

// Another view or order of the discussion (?view=…&sort=…, rewritten here by proxy.ts). Rarely
// asked for, so rendered per request rather than cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; variant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, variant } = await params;
  const threadView = parseVariantSegment(variant);
  return threadView ? articleMetadata(slug, threadView) : {};
}

export default async function Page({ params }: Props) {
  const { slug, variant } = await params;
  const threadView = parseVariantSegment(variant);
  if (!threadView) notFound();
  return <ArticlePage slug={slug} threadView={threadView} />;
}
