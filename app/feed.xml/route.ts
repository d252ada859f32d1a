import { buildSiteFeed } from "@/lib/feeds/site-feeds";
import { rssResponse } from "@/lib/feeds/rss";

// Not served: proxy.ts rewrites /feed.xml to the cached ./[edition] (a route with a parameter, so
// a build renders nothing and needs no database). Kept, built per request, so the address never
// depends on the proxy alone.
export const dynamic = "force-dynamic";

export async function GET() {
  return rssResponse(await buildSiteFeed());
}
