import { buildRepliesFeed } from "@/lib/feeds/replies-feed";
import { parseHandle } from "@/lib/route-params";

// Private: the token in the URL is the reader's credential. Never cached by anyone, never
// indexed, and a wrong token looks exactly like an unknown member.
export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export async function GET(request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const handle = parseHandle((await params).handle);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const xml = handle ? await buildRepliesFeed(handle, token) : null;
  if (!xml) return new Response("Not found", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { ...PRIVATE, "Content-Type": "application/rss+xml; charset=utf-8" } });
}
