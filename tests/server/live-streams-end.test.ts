// On shutdown the live hub ends every reader's event stream (their browsers reconnect to an
// instance that stays) and refuses new ones, so the server is not left waiting on streams that
// never end by themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, wipeDatabase } from "../../prisma/seed";
import { getDb } from "@/lib/db";
import { LiveHub } from "@/lib/live/hub";
import { liveStream } from "@/lib/live/stream";

const db = getDb();
let articleId = "";

beforeAll(async () => {
  await wipeDatabase(db);
  await seedDemo(db);
  const authorId = (await db.user.findFirstOrThrow({ where: { role: "author" } })).id;
  const article = await db.article.create({
    data: { slug: "live-end", title: "Live end", dept: "live", body: "Body.", authorId, status: "published", publishedAt: new Date(Date.now() - 3600_000) },
  });
  articleId = article.id;
});

afterAll(async () => {
  await wipeDatabase(db);
});

/** Reads the stream until it ends; what it said on the way. */
async function readToEnd(stream: ReadableStream<Uint8Array>, until?: string, then?: () => void): Promise<string> {
  const reader = stream.getReader();
  let text = "";
  let fired = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += new TextDecoder().decode(value);
    if (until && !fired && text.includes(until)) {
      fired = true;
      then?.();
    }
  }
}

describe("ending the live streams", () => {
  it("ends an open stream and refuses a new one at once", async () => {
    const hub = new LiveHub({ db: () => db, pollMs: 50 });
    try {
      const open = liveStream({ hub, db, articleId, reader: null, after: null });
      // The stream would stay open for ever; it ends because the hub ends it.
      const said = await readToEnd(open, "event: ready", () => hub.endStreams());
      expect(said).toContain("event: ready");
      expect(hub.listenerCount).toBe(0);
      const late = liveStream({ hub, db, articleId, reader: null, after: null });
      expect(await readToEnd(late)).not.toContain("event: comments");
      expect(hub.listenerCount).toBe(0);
    } finally {
      await hub.close();
    }
  });
});
