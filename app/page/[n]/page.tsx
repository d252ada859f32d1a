import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LatestArticles, latestMetadata } from "@/components/listings/latest-articles";
import { parsePageSegment } from "@/lib/pagination";

// The front page (/) and its later pages (/?page=N), rewritten here by proxy.ts: the reader keeps
// the address they asked for. Cached for everyone: the writes that change it expire it
// (lib/cache/revalidate.ts), and so does the next scheduled article's time (lib/articles/reveal.ts);
// the hour is a safety net. A route with a parameter, so that nothing is rendered at build time
// and a build needs no database (the front page at / would be).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageSegment((await params).n);
  return page ? latestMetadata(page) : {};
}

export default async function Page({ params }: Props) {
  const page = parsePageSegment((await params).n);
  if (!page) notFound();
  return <LatestArticles page={page} />;
}
