// The demo seed on a real (empty, migrated) database: loads once, never twice, and every
// counter it writes is backed by the rows it counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../lib/db";
import { FLAGSHIP_SLUG } from "./demo";
import { seedDemo, wipeDatabase } from "./seed";

let db: Db;

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL!);
  await wipeDatabase(db);
});

afterAll(async () => {
  await wipeDatabase(db);
  await db.$disconnect();
});

async function rowCounts() {
  const [users, articles, tags, comments, votes, flags, credits, spotlights] = await Promise.all([
    db.user.count(),
    db.article.count(),
    db.tag.count(),
    db.comment.count(),
    db.vote.count(),
    db.flag.count(),
    db.creditTransaction.count(),
    db.spotlight.count(),
  ]);
  return { users, articles, tags, comments, votes, flags, credits, spotlights };
}

async function flagship() {
  return db.article.findUniqueOrThrow({ where: { slug: FLAGSHIP_SLUG }, select: { id: true, title: true } });
}

describe("seedDemo", () => {
  it("seeds an empty database once and leaves a non-empty one alone", async () => {
    const started = Date.now();
    expect(await seedDemo(db)).toEqual({ seeded: true });
    expect(Date.now() - started).toBeLessThan(20_000);
    const after = await rowCounts();
    expect(after.users).toBeGreaterThan(0);

    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(await rowCounts()).toEqual(after);
  });

  it("has enough published articles, tags and authors, and one draft", async () => {
    const now = new Date();
    const published = await db.article.findMany({
      where: { status: "published", publishedAt: { lte: now } },
      select: { authorId: true, publishedAt: true, _count: { select: { tags: true } } },
    });
    expect(published.length).toBeGreaterThanOrEqual(12);
    for (const a of published) {
      expect(a._count.tags).toBeGreaterThanOrEqual(2);
      expect(a._count.tags).toBeLessThanOrEqual(4);
      expect(now.getTime() - a.publishedAt!.getTime()).toBeLessThan(45 * 24 * 3600_000);
    }
    expect(await db.tag.count({ where: { articles: { some: {} } } })).toBeGreaterThanOrEqual(8);

    const authors = await db.user.findMany({ where: { role: { in: ["author", "admin"] } }, select: { id: true, role: true } });
    expect(authors).toHaveLength(3);
    expect(authors.filter((u) => u.role === "admin")).toHaveLength(1);
    expect(new Set(published.map((a) => a.authorId))).toEqual(new Set(authors.map((u) => u.id)));
    expect(await db.user.count({ where: { role: "moderator" } })).toBe(1);
    expect(await db.user.count({ where: { passwordHash: { not: null } } })).toBe(0);

    const drafts = await db.article.findMany({ where: { status: "draft" }, select: { publishedAt: true } });
    expect(drafts).toHaveLength(1);
    expect(drafts[0].publishedAt).toBeNull();
  });

  it("gives the flagship a long, deep, consistent thread", async () => {
    const { id } = await flagship();
    const comments = await db.comment.findMany({ where: { articleId: id } });
    expect(comments.length).toBeGreaterThanOrEqual(34);
    expect(Math.max(...comments.map((c) => c.depth))).toBeGreaterThanOrEqual(3);
    expect(comments.some((c) => c.authorId === null && c.anonName === null)).toBe(true);
    expect(comments.some((c) => c.authorId === null && c.anonName !== null)).toBe(true);

    const byId = new Map(comments.map((c) => [c.id, c]));
    for (const c of comments) {
      if (c.subject.startsWith("Re:")) expect(c.parentId).not.toBeNull();
      if (c.parentId === null) {
        expect(c.depth).toBe(0);
        expect(c.rootId).toBe(c.id);
      } else {
        const parent = byId.get(c.parentId);
        expect(parent, `parent of ${c.id}`).toBeDefined();
        expect(c.depth).toBe(parent!.depth + 1);
        expect(c.rootId).toBe(parent!.rootId);
        expect(c.createdAt.getTime()).toBeGreaterThan(parent!.createdAt.getTime());
      }
      if (c.authorId === null) expect(c.anonEmail).toMatch(/@example\.net$/);
    }
  });

  it("backs every rating and flag counter with rows", async () => {
    const [comments, votes, flags] = await Promise.all([
      db.comment.findMany({ select: { id: true, insightfulCount: true, funnyCount: true, flagWeight: true } }),
      db.vote.groupBy({ by: ["commentId", "kind"], _count: { _all: true } }),
      db.flag.groupBy({ by: ["commentId"], _sum: { weight: true } }),
    ]);
    const voteCount = (id: string, kind: "insightful" | "funny") =>
      votes.find((v) => v.commentId === id && v.kind === kind)?._count._all ?? 0;
    for (const c of comments) {
      expect(voteCount(c.id, "insightful")).toBe(c.insightfulCount);
      expect(voteCount(c.id, "funny")).toBe(c.funnyCount);
      expect(flags.find((f) => f.commentId === c.id)?._sum.weight ?? 0).toBe(c.flagWeight);
    }
    const { id } = await flagship();
    expect(await db.comment.count({ where: { articleId: id, insightfulCount: { gte: 5 } } })).toBeGreaterThanOrEqual(3);
    expect(await db.comment.count({ where: { articleId: id, funnyCount: { gte: 5 } } })).toBeGreaterThanOrEqual(2);

    const memberVotes = await db.vote.findMany({ where: { userId: { not: null } }, select: { voterKey: true, userId: true } });
    expect(memberVotes.length).toBeGreaterThan(0);
    for (const v of memberVotes) expect(v.voterKey).toBe(`u:${v.userId}`);
    expect(await db.vote.count({ where: { userId: null, NOT: { voterKey: { startsWith: "v:demo-" } } } })).toBe(0);
  });

  it("has a comment hidden by community flags, with a visible reply", async () => {
    const { id } = await flagship();
    const hidden = await db.comment.findMany({
      where: { articleId: id, status: "hidden" },
      include: { flags: true, replies: { select: { status: true } } },
    });
    expect(hidden).toHaveLength(1);
    const [c] = hidden;
    expect(c.hiddenBy).toBe("community");
    expect(c.flagWeight).toBeGreaterThanOrEqual(5);
    expect(c.flags.reduce((sum, f) => sum + f.weight, 0)).toBe(c.flagWeight);
    for (const f of c.flags) expect(f.weight).toBe(f.voterKind === "member" ? 2 : 1);
    expect(new Set(c.flags.map((f) => f.reason)).size).toBeGreaterThan(1);
    expect(c.replies.some((r) => r.status === "published")).toBe(true);
  });

  it("keeps every article's comment count exact", async () => {
    const articles = await db.article.findMany({ select: { id: true, commentCount: true } });
    for (const a of articles) {
      const visible = await db.comment.count({ where: { articleId: a.id, status: { in: ["published", "hidden"] } } });
      expect(a.commentCount).toBe(visible);
    }
  });

  it("has a paid First Word and Last Word, with honest credit balances", async () => {
    const { id, title } = await flagship();
    const spotlights = await db.spotlight.findMany({ where: { articleId: id }, include: { comment: true } });
    expect(spotlights.map((s) => s.kind).sort()).toEqual(["first", "last"]);
    expect(new Set(spotlights.map((s) => s.commentId)).size).toBe(2);
    for (const s of spotlights) {
      expect(s.comment.articleId).toBe(id);
      expect(s.comment.status).toBe("published");
      const spend = await db.creditTransaction.findFirst({ where: { userId: s.userId, delta: -s.cost } });
      expect(spend?.reason).toBe(`${s.kind === "first" ? "First Word" : "Last Word"} on ${title}`);
      const grant = await db.creditTransaction.findFirst({ where: { userId: s.userId, delta: { gt: 0 } } });
      expect(grant?.reason).toBe("Demo grant");
      const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
      expect(grant?.actorId).toBe(admin.id);
    }
    const [users, ledger] = await Promise.all([
      db.user.findMany({ select: { id: true, credits: true } }),
      db.creditTransaction.groupBy({ by: ["userId"], _sum: { delta: true } }),
    ]);
    for (const u of users) expect(u.credits).toBe(ledger.find((l) => l.userId === u.id)?._sum.delta ?? 0);
  });

  it("wipes every row", async () => {
    await wipeDatabase(db);
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
    expect(await seedDemo(db)).toEqual({ seeded: true });
  });
});
