import { cacheArticleList } from "@/lib/articles/list-cache";
import { buildTagFeed } from "@/lib/feeds/site-feeds";
import { rssResponse } from "@/lib/feeds/rss";

// Cached as the tag's page is, and expired with it. An unknown tag's 404 is not stored
// (lib/cache/script-hash-cache-handler.js).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const now = new Date();
  const xml = await buildTagFeed((await params).slug, now);
  if (!xml) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  await cacheArticleList(now);
  return rssResponse(xml);
}
