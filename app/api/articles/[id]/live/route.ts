import { articleStream, isLiveArticle } from "@/lib/live/article-stream";
import { parseCursor } from "@/lib/live/stream";
import { parseId } from "@/lib/route-params";
import { readVisitorId } from "@/lib/visitor";

// The live discussion (components/comments/live-comments.tsx): a server-sent event stream of
// the article's comments that become visible, as ids and places in the tree only; the cached
// article page stays cached and the browser fetches the new version when the reader asks.
// Public, read-only, and nothing in it is not already on the public page; the reader's own
// comments are left out (they know).
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const articleId = parseId((await params).id);
  if (!articleId || !(await isLiveArticle(articleId))) return new Response("No such article.", { status: 404, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" } });
  // The browser's own reconnect sends the last event's id; a reconnect after a hidden tab, ?after=.
  const after = parseCursor(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after"));
  const stream = articleStream({ articleId, reader: await readVisitorId(), after, signal: request.signal });
  return new Response(stream, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/event-stream; charset=utf-8",
      // nginx would otherwise hold the events back in its buffer.
      "X-Accel-Buffering": "no",
    },
  });
}
