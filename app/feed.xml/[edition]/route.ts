import { cacheArticleList } from "@/lib/articles/list-cache";
import { buildSiteFeed } from "@/lib/feeds/site-feeds";
import { rssResponse } from "@/lib/feeds/rss";

// The site feed (/feed.xml, rewritten here by proxy.ts to /feed.xml/latest). Cached as the front
// page is, and expired with it; a route with a parameter so that a build renders nothing (and
// needs no database).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ edition: string }> }) {
  if ((await params).edition !== "latest") return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const now = new Date();
  const [xml] = await Promise.all([buildSiteFeed(now), cacheArticleList(now)]);
  return rssResponse(xml);
}
