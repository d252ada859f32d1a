import type { Metadata } from "next";
import { ArticlePage, articleMetadata } from "@/components/articles/article-page";
import { defaultThreadView } from "@/lib/comments/thread-view";

// The page is the same for every reader, so it is rendered once and cached; the writes that
// change it (comments, votes, flags, edits) revalidate it. Nothing is prerendered at build time,
// so a build needs no database. The hourly revalidation is only a safety net. A scheduled
// article's cached 404 expires at its publication time: see lib/articles/reveal.ts.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  return <ArticlePage slug={(await params).slug} threadView={defaultThreadView} />;
}
