import { buildTagFeed } from "@/lib/feeds/site-feeds";
import { rssResponse } from "@/lib/feeds/rss";

// Served as the site feed is: built per request, kept a minute by readers and proxies.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const xml = await buildTagFeed((await params).slug);
  if (!xml) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return rssResponse(xml);
}
