import { buildSiteFeed } from "@/lib/feeds/site-feeds";
import { rssResponse } from "@/lib/feeds/rss";

export const dynamic = "force-dynamic";

export async function GET() {
  return rssResponse(await buildSiteFeed());
}
