// Reading queries against a real database with the demo content plus a few rows of our own:
// what a reader may see (no drafts, nothing scheduled, nothing pending) and exact counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLAGSHIP_SLUG } from "../../prisma/demo";
import { seedDemo, wipeDatabase } from "../../prisma/seed";
import { listArticleComments, listSpotlights } from "../comments/queries";
import { getDb } from "../db";
import { buildArticleCommentFeed, buildSiteFeed } from "../feeds/site-feeds";
import { settingsChanged } from "../settings/queries";
import { getArticle, listArticlesByTag, listLatestArticles } from "./queries";

const db = getDb();
const HOUR = 3600_000;

beforeAll(async () => {
  await wipeDatabase(db);
  await seedDemo(db);
  const author = await db.user.findFirstOrThrow({ where: { role: "author" } });
  const base = { dept: "test-rows", body: "Body text.", authorId: author.id };
  await db.article.create({ data: { ...base, slug: "scheduled-for-tomorrow", title: "Scheduled", status: "published", publishedAt: new Date(Date.now() + 24 * HOUR) } });
  const flagship = await db.article.findUniqueOrThrow({ where: { slug: FLAGSHIP_SLUG } });
  await db.comment.create({ data: { articleId: flagship.id, body: "Held for review", subject: "pending one", status: "pending", anonEmail: "p@example.net" } });
});

afterAll(async () => {
  await wipeDatabase(db);
});

describe("article lists", () => {
  it("list only published articles whose time has come, newest first", async () => {
    const page = await listLatestArticles(1);
    const slugs = page.items.map((a) => a.slug);
    expect(slugs).not.toContain("scheduled-for-tomorrow");
    const drafts = await db.article.findMany({ where: { status: "draft" }, select: { slug: true } });
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(slugs).not.toContain(d.slug);
    const dates = page.items.map((a) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(page.total).toBe(await db.article.count({ where: { status: "published", publishedAt: { lte: new Date() } } }));
  });

  it("paginates without overlap", async () => {
    const [one, two] = await Promise.all([listLatestArticles(1), listLatestArticles(2)]);
    expect(one.totalPages).toBeGreaterThanOrEqual(2);
    const overlap = one.items.filter((a) => two.items.some((b) => b.slug === a.slug));
    expect(overlap).toEqual([]);
  });

  it("lists a tag's articles and answers null for an unknown or malformed tag", async () => {
    const tag = await db.tag.findFirstOrThrow({ where: { articles: { some: {} } } });
    const result = await listArticlesByTag(tag.slug, 1);
    expect(result?.articles.items.length).toBeGreaterThan(0);
    for (const a of result!.articles.items) expect(a.tags.map((t) => t.slug)).toContain(tag.slug);
    expect(await listArticlesByTag("no-such-tag", 1)).toBeNull();
    expect(await listArticlesByTag("bad\0slug", 1)).toBeNull();
  });

  it("hides drafts and scheduled articles from the article page", async () => {
    const draft = await db.article.findFirstOrThrow({ where: { status: "draft" } });
    expect(await getArticle(draft.slug)).toBeNull();
    expect(await getArticle("scheduled-for-tomorrow")).toBeNull();
  });
});

describe("the flagship thread", () => {
  it("shows every published and hidden comment, never a pending one, and the count is exact", async () => {
    const article = (await getArticle(FLAGSHIP_SLUG))!;
    const comments = await listArticleComments(article.id);
    expect(comments.some((c) => c.subject === "pending one")).toBe(false);
    const shown = comments.filter((c) => c.state !== "tombstone").length;
    expect(article.commentCount).toBe(shown);
    expect(shown).toBeGreaterThanOrEqual(34);
  });

  it("collapses the flagged comment with the mix of reasons, and shows badges without raw counts", async () => {
    const article = (await getArticle(FLAGSHIP_SLUG))!;
    const comments = await listArticleComments(article.id);
    const hidden = comments.filter((c) => c.state === "hidden");
    expect(hidden).toHaveLength(1);
    const reasons = hidden[0].hidden!.reasons;
    expect(reasons.abusive + reasons.trolling + reasons.spam).toBeGreaterThan(0);
    expect(hidden[0].hidden!.by).toBe("community");
    expect(comments.some((c) => c.badges.insightful)).toBe(true);
    expect(comments.some((c) => c.badges.funny)).toBe(true);
    expect(JSON.stringify(comments)).not.toMatch(/insightfulCount|funnyCount|anonEmail|@example\.net/);
  });

  it("raises the badge bar when the site setting says so", async () => {
    const article = (await getArticle(FLAGSHIP_SLUG))!;
    await db.setting.create({ data: { key: "insightfulBadgeThreshold", value: "1000" } });
    await settingsChanged();
    try {
      const comments = await listArticleComments(article.id);
      expect(comments.some((c) => c.badges.insightful)).toBe(false);
    } finally {
      await db.setting.delete({ where: { key: "insightfulBadgeThreshold" } });
      await settingsChanged();
    }
  });

  it("has a First Word and a Last Word on visible comments", async () => {
    const article = (await getArticle(FLAGSHIP_SLUG))!;
    const [spotlights, comments] = await Promise.all([listSpotlights(article.id), listArticleComments(article.id)]);
    expect(spotlights.map((s) => s.kind).sort()).toEqual(["first", "last"]);
    for (const s of spotlights) expect(comments.find((c) => c.id === s.commentId)?.state).toBe("visible");
  });
});

describe("feeds", () => {
  it("lists the latest articles in the site feed and nothing unpublished", async () => {
    const xml = await buildSiteFeed();
    expect(xml).toContain("<rss version=\"2.0\"");
    expect(xml).not.toContain("scheduled-for-tomorrow");
    expect((xml.match(/<item>/g) ?? []).length).toBe((await listLatestArticles(1)).items.length);
  });

  it("has a comment feed per public article and none for a draft", async () => {
    const xml = await buildArticleCommentFeed(FLAGSHIP_SLUG);
    expect(xml).toContain("Comments on:");
    expect(xml).not.toContain("Held for review");
    const draft = await db.article.findFirstOrThrow({ where: { status: "draft" } });
    expect(await buildArticleCommentFeed(draft.slug)).toBeNull();
  });
});
