import { buildBestFeed } from "@/lib/best/feed";
import { parseWeekSegment } from "@/lib/best/schemas";
import { tagActivity, tagListing } from "@/lib/cache/revalidate";
import { rssResponse } from "@/lib/feeds/rss";

// /best/feed.xml and /best/feed.xml?week=…, rewritten here by proxy.ts as the page is
// (components/best/best-of-week.tsx): cached, expired by every rating and every write to a
// discussion. Malformed, repeated or future weeks are a 404, never stored.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ week: string }> }) {
  const asked = parseWeekSegment((await params).week);
  if (!asked) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const [xml] = await Promise.all([buildBestFeed(asked.week), tagActivity(), tagListing()]);
  return rssResponse(xml);
}
