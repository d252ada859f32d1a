// The best of a week against a real database: rows of our own in a week nobody else writes to
// (2020-W53, which straddles New Year), checked for ranking, week bounds and what never qualifies.
import { randomBytes } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { settingsChanged } from "../settings/queries";
import { registerUser } from "../users/mutations";
import { buildBestFeed } from "./feed";
import { getBestOfWeek } from "./queries";
import { parseWeek } from "./weeks";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
const WEEK = parseWeek("2020-W53")!; // Monday 28 December 2020 – Sunday 3 January 2021
const articleIds: string[] = [];
let member: { id: string; handle: string };
let visible: { id: string; slug: string; title: string };

async function article(status: "published" | "draft", publishedAt: Date | null) {
  const slug = `best-${unique()}`;
  const row = await db.article.create({
    data: { slug, title: `Article ${slug}`, dept: "testing", body: "Body", status, publishedAt, authorId: member.id },
    select: { id: true, slug: true, title: true },
  });
  articleIds.push(row.id);
  return row;
}

type Extra = { articleId?: string; insightful?: number; funny?: number; status?: "published" | "pending" | "hidden" | "removed"; deletedAt?: Date; anonymous?: boolean };

/** A comment row written at `at`, with its counters set directly (votes are not what is tested),
 *  as if every rating came from a trusted voice: the weight equals the count. */
async function comment(label: string, at: string, extra: Extra = {}) {
  const row = await db.comment.create({
    data: {
      articleId: extra.articleId ?? visible.id,
      body: `${label} *body* <script>alert(1)</script>`,
      subject: label,
      createdAt: new Date(at),
      insightfulCount: extra.insightful ?? 0,
      funnyCount: extra.funny ?? 0,
      insightfulWeight: extra.insightful ?? 0,
      funnyWeight: extra.funny ?? 0,
      status: extra.status ?? "published",
      deletedAt: extra.deletedAt ?? null,
      ...(extra.anonymous ? { anonEmail: "anon@example.net" } : { authorId: member.id }),
    },
    select: { id: true },
  });
  return row.id;
}

const subjects = (list: { subject: string }[]) => list.map((c) => c.subject);

beforeAll(async () => {
  await db.setting.deleteMany({ where: { key: { in: ["insightfulBadgeThreshold", "funnyBadgeThreshold"] } } });
  await settingsChanged();
  member = await registerUser({ name: "Best Commenter", handle: `b_${unique()}`, email: `b-${unique()}@example.com`, password: "correct horse battery" });
  visible = await article("published", new Date("2020-12-01T00:00:00Z"));
  const draft = await article("draft", null);
  const scheduled = await article("published", new Date(Date.now() + 24 * 3600_000));

  await comment("seven early", "2020-12-29T10:00:00Z", { insightful: 7, funny: 1 });
  await comment("seven late", "2020-12-30T10:00:00Z", { insightful: 7 });
  await comment("three", "2020-12-28T12:00:00Z", { insightful: 3, funny: 6, anonymous: true });
  await comment("zero", "2020-12-29T12:00:00Z");
  await comment("first instant", "2020-12-28T00:00:00.000Z", { insightful: 1 });
  await comment("last instant", "2021-01-03T23:59:59.999Z", { funny: 2 });
  await comment("week before", "2020-12-27T23:59:59.999Z", { insightful: 50, funny: 50 });
  await comment("week after", "2021-01-04T00:00:00.000Z", { insightful: 50, funny: 50 });
  await comment("hidden", "2020-12-29T00:00:00Z", { insightful: 40, funny: 40, status: "hidden" });
  await comment("removed", "2020-12-29T00:00:00Z", { insightful: 40, funny: 40, status: "removed" });
  await comment("pending", "2020-12-29T00:00:00Z", { insightful: 40, funny: 40, status: "pending" });
  await comment("deleted", "2020-12-29T00:00:00Z", { insightful: 40, funny: 40, deletedAt: new Date("2020-12-30T00:00:00Z") });
  await comment("on a draft", "2020-12-29T00:00:00Z", { insightful: 40, funny: 40, articleId: draft.id });
  await comment("on a scheduled article", "2020-12-29T00:00:00Z", { insightful: 40, funny: 40, articleId: scheduled.id });
});

afterAll(async () => {
  // Comments go with their articles (cascade).
  await db.article.deleteMany({ where: { id: { in: articleIds } } });
});

describe("getBestOfWeek", () => {
  it("ranks by trusted weight, then oldest first, leaving out comments nobody rated", async () => {
    const best = await getBestOfWeek(WEEK);
    expect(subjects(best.insightful)).toEqual(["seven early", "seven late", "three", "first instant"]);
    expect(subjects(best.funny)).toEqual(["three", "last instant", "seven early"]);
    expect(best.insightful.map((c) => c.count)).toEqual([7, 7, 3, 1]);
    expect(best.funny.map((c) => c.count)).toEqual([6, 2, 1]);
  });

  it("counts a comment in the week it was written: Monday 00:00 UTC up to, not including, the next", async () => {
    const best = await getBestOfWeek(WEEK);
    const all = [...subjects(best.insightful), ...subjects(best.funny)];
    expect(all).toContain("first instant");
    expect(all).toContain("last instant");
    expect(all).not.toContain("week before");
    expect(all).not.toContain("week after");
    expect(subjects((await getBestOfWeek(parseWeek("2020-W52")!)).insightful)).toContain("week before");
    expect(subjects((await getBestOfWeek(parseWeek("2021-W01")!)).funny)).toContain("week after");
  });

  it("never lists hidden, removed, pending or deleted comments, nor comments on unpublished articles", async () => {
    const best = await getBestOfWeek(WEEK);
    const all = [...subjects(best.insightful), ...subjects(best.funny)];
    for (const excluded of ["hidden", "removed", "pending", "deleted", "on a draft", "on a scheduled article"]) {
      expect(all).not.toContain(excluded);
    }
  });

  it("returns plain, public views: sanitized HTML, author, article, permalink and badges", async () => {
    const { insightful, funny } = await getBestOfWeek(WEEK);
    const top = insightful[0]!;
    expect(top.bodyHtml).toContain("<em>body</em>");
    expect(top.bodyHtml).not.toContain("<script>");
    expect(top).not.toHaveProperty("body");
    // The member also wrote the article, so the public view says so (the badge next to the name).
    expect(top.author).toEqual({ kind: "member", handle: member.handle, name: "Best Commenter", standing: "author" });
    expect(top.article).toEqual({ title: visible.title, slug: visible.slug });
    expect(top.permalink).toBe(`/comments/${top.id}`);
    expect(top.createdAt).toBe("2020-12-29T10:00:00.000Z");
    // Default thresholds: 5 of a kind earns the badge.
    expect(top.badges).toEqual({ insightful: true, funny: false });
    const anonymous = funny[0]!;
    expect(anonymous.author).toEqual({ kind: "anonymous", name: "Anonymous Coward", tag: null, website: null });
    expect(anonymous.badges).toEqual({ insightful: false, funny: true });
  });

  it("keeps at most the limit of each kind", async () => {
    const best = await getBestOfWeek(WEEK, 2);
    expect(subjects(best.insightful)).toEqual(["seven early", "seven late"]);
    expect(subjects(best.funny)).toEqual(["three", "last instant"]);
  });

  it("is empty for a week without rated comments", async () => {
    const best = await getBestOfWeek(parseWeek("2001-W10")!);
    expect(best).toEqual({ week: { year: 2001, week: 10 }, insightful: [], funny: [] });
  });
});

describe("buildBestFeed", () => {
  it("lists the insightful entries, then the funny ones, linking to their permalinks", async () => {
    const xml = await buildBestFeed(WEEK);
    const channel = new XMLParser({ ignoreAttributes: false }).parse(xml).rss.channel;
    expect(channel.title).toMatch(/Best of the week$/);
    expect(channel.link).toMatch(/\/best\?week=2020-W53$/);
    expect(channel["atom:link"]["@_href"]).toMatch(/\/best\/feed\.xml\?week=2020-W53$/);
    const items: { title: string; link: string; guid: { "#text": string } }[] = channel.item;
    const best = await getBestOfWeek(WEEK);
    const expected = [...best.insightful.map((c) => ["insightful", c] as const), ...best.funny.map((c) => ["funny", c] as const)];
    expect(items).toHaveLength(expected.length);
    expected.forEach(([kind, c], i) => {
      expect(items[i]!.title).toContain(c.subject);
      expect(items[i]!.title).toContain(`(on ${visible.title})`);
      expect(items[i]!.link).toMatch(new RegExp(`/comments/${c.id}$`));
      expect(items[i]!.guid["#text"]).toMatch(new RegExp(`/best\\?week=2020-W53#${kind}-${c.id}$`));
    });
    expect(items[0]!.title).toMatch(/^Most insightful #1: seven early/);
    expect(items[best.insightful.length]!.title).toMatch(/^Funniest #1: three/);
    // The body is entity-escaped HTML, never raw markup in the XML.
    expect(xml).not.toContain("<script>");
  });
});
