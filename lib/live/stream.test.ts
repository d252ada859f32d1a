// One reader's event stream, against a real database: what it says, what it leaves out, and that
// it lets go of the hub when the reader leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, wipeDatabase } from "../../prisma/seed";
import { getDb } from "../db";
import { LiveHub } from "./hub";
import { liveStream, parseCursor } from "./stream";

const db = getDb();
let articleId = "";
let authorId = "";

beforeAll(async () => {
  await wipeDatabase(db);
  await seedDemo(db);
  authorId = (await db.user.findFirstOrThrow({ where: { role: "author" } })).id;
  const article = await db.article.create({
    data: { slug: "live-stream", title: "Live stream", dept: "live", body: "Body.", authorId, status: "published", publishedAt: new Date(Date.now() - 3600_000) },
  });
  articleId = article.id;
});

afterAll(async () => {
  await wipeDatabase(db);
});

type Event = { event: string; id: string; data: Record<string, unknown> };

/** Reads server-sent events off the stream as they come. */
function eventsOf(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return async function next(): Promise<Event> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => block.split("\n").find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        if (field("event")) return { event: field("event")!, id: field("id")!, data: JSON.parse(field("data")!) };
        continue; // retry: and keep-alive comments
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describe("a reader's live stream", () => {
  it("catches up from its cursor, then passes on the hub's news without the poster or the reader's own", async () => {
    const hub = new LiveHub({ db: () => db, pollMs: 60_000 });
    const away = Date.now() - 60_000;
    const missed = await db.comment.create({ data: { articleId, authorId, body: "Came while away.", visitorKey: "someone" } });
    const abort = new AbortController();
    const next = eventsOf(liveStream({ hub, db, articleId, reader: "me", after: away, signal: abort.signal }));

    const first = await next();
    expect(first).toMatchObject({ event: "comments", data: { count: 1, comments: [{ id: missed.id, parentId: null, rootId: null }] } });
    expect(first.id).toBe(String(first.data.cursor));
    expect(await next()).toMatchObject({ event: "ready" });

    await hub.announce({ articleId, id: "mine", parentId: null, rootId: null, poster: "me" });
    await hub.announce({ articleId, id: "theirs", parentId: "p", rootId: "r", poster: "someone" });
    const news = await next();
    expect(news.data).toMatchObject({ count: 1, comments: [{ id: "theirs", parentId: "p", rootId: "r" }] });
    expect(JSON.stringify(news.data)).not.toContain("someone");

    expect(hub.listenerCount).toBe(1);
    abort.abort();
    expect(hub.listenerCount).toBe(0);
    await hub.close();
  });
});

describe("cursors", () => {
  const now = 1_800_000_000_000;
  it("are the server's milliseconds, not too far back and never ahead", () => {
    expect(parseCursor(String(now - 5000), now)).toBe(now - 5000);
    expect(parseCursor("12", now)).toBe(now - 24 * 3600_000);
    expect(parseCursor(String(now + 3600_000), now)).toBeNull();
    for (const junk of [null, "", "-1", "1e12", "12.5", "abc", "9".repeat(20)]) expect(parseCursor(junk, now)).toBeNull();
  });
});
