// Shared by the live hub's tests (hub.test.ts without Redis, hub-redis.test.ts with it): a real
// database with one published article of their own, hubs that stand for app instances (closed
// after each test), a reader's ears on a hub, and comments written as another instance would.
import { afterAll, afterEach, beforeAll } from "vitest";
import { seedDemo, wipeDatabase } from "../../prisma/seed";
import { getDb } from "../../lib/db";
import { LiveHub } from "../../lib/live/hub";
import type { LiveComment } from "../../lib/live/types";

export function liveHubKit(slug: string) {
  const db = getDb();
  const hubs: LiveHub[] = [];
  const made = { articleId: "", authorId: "" };
  const kit = {
    db,
    /** The test article's id (set before the first test). */
    get articleId(): string {
      return made.articleId;
    },
    /** A hub polling every 50 ms unless told otherwise. */
    hub(options: Partial<ConstructorParameters<typeof LiveHub>[0]> = {}): LiveHub {
      const h = new LiveHub({ db: () => db, pollMs: 50, ...options });
      hubs.push(h);
      return h;
    },
    listen(h: LiveHub, article = made.articleId) {
      const heard: LiveComment[] = [];
      const stop = h.subscribe(article, (list) => heard.push(...list));
      return { heard, stop, ids: () => heard.map((c) => c.id) };
    },
    post(data: { status?: "published" | "pending"; parentId?: string; deletedAt?: Date } = {}) {
      return db.comment.create({ data: { articleId: made.articleId, authorId: made.authorId, body: "Live test comment.", visitorKey: "poster-key", ...data } });
    },
  };

  beforeAll(async () => {
    await wipeDatabase(db);
    await seedDemo(db);
    made.authorId = (await db.user.findFirstOrThrow({ where: { role: "author" } })).id;
    const article = await db.article.create({
      data: { slug, title: "Live hub", dept: "live", body: "Body.", authorId: made.authorId, status: "published", publishedAt: new Date(Date.now() - 3600_000) },
    });
    made.articleId = article.id;
  });
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close()));
  });
  afterAll(async () => {
    await wipeDatabase(db);
  });
  return kit;
}
