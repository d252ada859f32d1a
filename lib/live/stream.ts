// One reader's server-sent event stream of an article's new comments. It listens to the
// instance's hub (no database query of its own while open); it asks the database once, when it
// opens, for what came while the reader was away (or was loading the page).
import type { Db } from "../db";
import type { LiveHub } from "./hub";
import type { LiveComment, LiveCommentRef } from "./types";
import { visibleSince } from "./visible-since";

/** Under the 60 s idle timeout of common proxies and load balancers. */
export const HEARTBEAT_MS = 25_000;
// How long ago a cursor may point: a reader away longer sees the rest on their next visit.
const MAX_AWAY_MS = 24 * 3600_000;
const encoder = new TextEncoder();

/** A cursor is the server's clock in ms when the reader was last told; anything else is ignored. */
export function parseCursor(raw: string | null, now = Date.now()): number | null {
  if (!raw || !/^\d{1,15}$/.test(raw)) return null;
  const at = Number(raw);
  return at > now + 60_000 ? null : Math.max(at, now - MAX_AWAY_MS);
}

/** One event: the cursor as its id, so the browser's own reconnect sends it back (Last-Event-ID). */
export function sseEvent(name: string, data: unknown, id: number): string {
  return `event: ${name}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

type StreamInput = {
  hub: LiveHub;
  db: Db;
  articleId: string;
  /** The reader's visitor key: their own comments are not news to them. */
  reader: string | null;
  after: number | null;
  signal?: AbortSignal;
  now?: () => number;
};

export function liveStream({ hub, db, articleId, reader, after, signal, now = Date.now }: StreamInput): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const emit = (comments: LiveComment[]) => {
        const refs: LiveCommentRef[] = comments.filter((c) => !reader || c.poster !== reader).map(({ id, parentId, rootId }) => ({ id, parentId, rootId }));
        const cursor = now();
        if (refs.length > 0) send(sseEvent("comments", { count: refs.length, comments: refs, cursor }, cursor));
      };
      // Subscribed before the catch-up query, so nothing falls between the two (repeats are
      // dropped by id in the browser).
      const unsubscribe = hub.subscribe(articleId, emit, () => stop());
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          /* already closed by the client going away */
        }
      };
      signal?.addEventListener("abort", stop);
      send("retry: 3000\n\n");
      // A first connection looks back too (visibleSince's lag): the page it was opened from may
      // have been served a moment before a comment it does not show.
      const connectedAt = now();
      emit(await visibleSince(db, [articleId], new Date(after ?? connectedAt)).catch(() => []));
      send(sseEvent("ready", { cursor: connectedAt }, connectedAt));
    },
    cancel() {
      stop();
    },
  });
}
