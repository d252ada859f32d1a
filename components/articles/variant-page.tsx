import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticlePage, articleMetadata } from "./article-page";
import { parseVariantSegment } from "@/lib/comments/thread-view";

// Shared by the two routes proxy.ts rewrites to: /articles/<slug>/v/<variant> (another view,
// order or page of the discussion, cached) and /articles/<slug>/fresh/<variant> (the same, per
// request, for someone who has just written to the discussion).
export type VariantProps = { params: Promise<{ slug: string; variant: string }> };

export async function variantMetadata({ params }: VariantProps): Promise<Metadata> {
  const { slug, variant } = await params;
  const threadView = parseVariantSegment(variant);
  return threadView ? articleMetadata(slug, threadView) : {};
}

/** `fresh`: rendered for one reader alone, so it may show what is theirs (their ratings). */
export async function VariantPage({ params, fresh = false }: VariantProps & { fresh?: boolean }) {
  const { slug, variant } = await params;
  const threadView = parseVariantSegment(variant);
  if (!threadView) notFound();
  return <ArticlePage slug={slug} threadView={threadView} fresh={fresh} />;
}
