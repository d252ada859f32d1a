import { buildBestFeed } from "@/lib/best/feed";
import { resolveWeekParam } from "@/lib/best/schemas";
import { rssResponse } from "@/lib/feeds/rss";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const raw = params.getAll("week");
  // Same rule as the page: absent → this week; malformed, repeated or future → no such feed.
  const week = resolveWeekParam(raw.length === 0 ? undefined : raw.length === 1 ? raw[0] : raw);
  if (!week) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return rssResponse(await buildBestFeed(week));
}
