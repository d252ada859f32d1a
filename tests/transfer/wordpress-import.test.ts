// npm run import -- wordpress (issue 22) on the engine DATABASE_URL names, with a WXR 1.2 file
// written by hand element by element (fixtures/wordpress-export.xml): a published post with an
// image, a list, a quotation and a <script>, a thread five deep, pending, spam and trashed
// comments, a pingback, a scheduled post, a draft, a private post, a page and an attachment.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../lib/auth/viewer";
import type { Db } from "../../lib/db";
import { renderMarkdown } from "../../lib/markdown/render";
import { importWordpressFile } from "../../lib/transfer/import-wordpress";
import { scriptResult } from "../ops/processes";
import { scratchSites } from "../support/scratch-sites";

const { engine, dir, emptySite, exportTo, cleanup } = scratchSites("wp");
const FILE = path.join(import.meta.dirname, "fixtures", "wordpress-export.xml");
const exported = async (db: Db, name: string) => readFileSync(await exportTo(db, name));

afterAll(cleanup);

describe(`WordPress import (${engine})`, () => {
  it("brings in posts, authors, terms and threaded comments with their states, and no script", async () => {
    const { db } = await emptySite("wpone");
    // A reader who already has an account here: their WordPress comment becomes theirs.
    const reader = await db.user.create({ data: { email: "quiet@example.org", handle: "quiet_reader", name: "Quiet Reader" } });
    const summary = await importWordpressFile(db, FILE);

    expect(summary.problems).toEqual([]);
    expect(summary.created).toEqual({ member: 2, tag: 3, article: 4, comment: 8 });
    expect(summary.skipped).toEqual({ pingback: 1, page: 1, attachment: 1 });
    expect(summary.notes.map((n) => n.reason)).toEqual(["removed from the body: script", "removed: script", "private on the old site: imported as a draft"]);

    const authors = await db.user.findMany({ where: { role: "author" }, orderBy: { handle: "asc" }, select: { email: true, handle: true, name: true, passwordHash: true } });
    expect(authors).toEqual([
      { email: "oona@ledgerlamp.example", handle: "oona", name: "Oona Falk", passwordHash: null },
      { email: "teodor@ledgerlamp.example", handle: "teodor-b", name: "Teodor Brandt", passwordHash: null },
    ]);

    const articles = await db.article.findMany({ orderBy: { slug: "asc" }, select: { slug: true, status: true, publishedAt: true, dept: true, commentCount: true, tags: { select: { tag: { select: { slug: true } } } } } });
    expect(articles.map((a) => [a.slug, a.status, a.publishedAt?.toISOString() ?? null, a.commentCount])).toEqual([
      ["half-written-the-library-levy", "draft", null, 0],
      ["river-pays-for-the-pool", "published", "2024-03-04T09:15:00.000Z", 5],
      // "future" in WordPress: published, and shown from its date on (scheduled).
      ["road-money", "published", "2030-12-10T08:00:00.000Z", 0],
      ["staff-salaries", "draft", null, 0],
    ]);
    const river = articles[1];
    expect(river.dept).toBe("budgets");
    expect(river.tags.map((t) => t.tag.slug).sort()).toEqual(["budgets", "council", "water-rates"]);

    const article = await db.article.findUniqueOrThrow({ where: { slug: "river-pays-for-the-pool" } });
    expect(article.body).toContain("![The old weir below the mill](https://ledgerlamp.example/wp-content/uploads/2024/03/weir.jpg)");
    expect(article.body).toContain("- Water fees rise 9% next year.\n- The weir repair moves to 2027.");
    expect(article.body).toContain("> Every fund is one fund if you squint.");
    expect(article.body).toContain("[212 pages of the draft](https://ledgerlamp.example/files/draft-budget.pdf)");

    const comments = await db.comment.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" } });
    for (const text of [article.body, ...comments.map((c) => c.body)]) {
      expect(text).not.toMatch(/<script|alert\(/i);
      expect(renderMarkdown(text, "article")).not.toMatch(/<script|onerror|javascript:/i);
    }
    const byWpId = (id: number) => comments.find((c) => c.id.endsWith(`-c${id}`))!;
    // The thread, five deep: 501 ← 502 ← 503 ← 504 ← 505.
    const chain = [501, 502, 503, 504, 505].map(byWpId);
    expect(chain.map((c) => c.depth)).toEqual([0, 1, 2, 3, 4]);
    expect(chain.slice(1).map((c, i) => c.parentId === chain[i].id && c.rootId === chain[0].id)).toEqual([true, true, true, true]);
    expect([byWpId(506).status, byWpId(507).status, byWpId(509).status]).toEqual(["pending", "removed", "removed"]);
    expect(byWpId(507).removedReason).toBe("Marked as spam on the old site.");
    // Registered commenters: by their WordPress user id, and by email for someone already here.
    expect(byWpId(504).authorId).toBe((await db.user.findUniqueOrThrow({ where: { email: "oona@ledgerlamp.example" } })).id);
    expect(byWpId(506).authorId).toBe(reader.id);
    expect(byWpId(501)).toMatchObject({ authorId: null, anonName: "Marit", anonEmail: "marit@example.net", anonWebsite: "https://marit.example.net" });
    // A website that is not http(s) is not kept.
    expect(byWpId(505)).toMatchObject({ anonName: "Pell", anonEmail: null, anonWebsite: null });
    expect(comments.some((c) => c.body.includes("the Ledger Lamp read the whole draft"))).toBe(false);

    // Its old addresses lead to it (the permalink, and the ?p= short link WordPress's guid holds).
    const old = await db.articleLegacyUrl.findMany({ where: { articleId: article.id }, orderBy: { path: "asc" }, select: { path: true } });
    expect(old.map((u) => u.path)).toEqual(["/2024/03/river-pays-for-the-pool", "/?p=101"]);
    const { legacyRedirectFor } = await import("../../lib/transfer/legacy-urls");
    const { replaceDb } = await import("../../lib/db");
    const restore = replaceDb(db);
    try {
      expect(await legacyRedirectFor("/2024/03/river-pays-for-the-pool")).toBe("/articles/river-pays-for-the-pool");
      // Not public (yet): a draft's or a scheduled post's old address leads nowhere.
      expect(await legacyRedirectFor("/?p=103")).toBeNull();
      expect(await legacyRedirectFor("/2024/12/road-money")).toBeNull();
    } finally {
      restore();
    }
  });

  it("keeps custom permalinks (/%category%/%postname%/), and says which old addresses are the site's own", async () => {
    // The same site with its permalink structure changed: a category before the post's name,
    // and one post that lived under /articles/, which is Dept's own first segment.
    const custom = path.join(dir, "custom-permalinks.xml");
    writeFileSync(
      custom,
      readFileSync(FILE, "utf8")
        .replace("<link>https://ledgerlamp.example/2024/03/river-pays-for-the-pool/</link>", "<link>https://ledgerlamp.example/budgets/river-pays-for-the-pool/</link>")
        .replace("<link>https://ledgerlamp.example/2024/03/staff-salaries/</link>", "<link>https://ledgerlamp.example/articles/what-staff-earn/</link>"),
    );
    const { db } = await emptySite("wpcustom");
    const summary = await importWordpressFile(db, custom);
    expect(summary.problems).toEqual([]);
    expect(summary.notes.map((n) => n.reason)).toContain("old address /articles/what-staff-earn is one of this site's own addresses: it cannot lead here");
    const paths = (await db.articleLegacyUrl.findMany({ orderBy: { path: "asc" }, select: { path: true } })).map((u) => u.path);
    expect(paths).toContain("/budgets/river-pays-for-the-pool");
    expect(paths).not.toContain("/articles/what-staff-earn");
    const { legacyRedirectFor } = await import("../../lib/transfer/legacy-urls");
    const { replaceDb } = await import("../../lib/db");
    const restore = replaceDb(db);
    try {
      expect(await legacyRedirectFor("/budgets/river-pays-for-the-pool")).toBe("/articles/river-pays-for-the-pool");
    } finally {
      restore();
    }
  });

  it("a second run creates nothing; a run stopped half-way and run again ends as one run does", async () => {
    const { db: once } = await emptySite("wponce");
    await importWordpressFile(once, FILE);
    const again = await importWordpressFile(once, FILE);
    expect(again.created).toEqual({});
    expect(again.existing).toEqual({ member: 2, tag: 3, article: 4, comment: 8 });
    const single = await exported(once, "single.jsonl");

    // What a stop leaves behind: the last comments and a later post not written yet, and the
    // counts (written at the end) not brought up to date.
    const { db: stopped } = await emptySite("wpstop");
    await importWordpressFile(stopped, FILE);
    await stopped.comment.deleteMany({ where: { depth: { gte: 3 } } });
    await stopped.articleTag.deleteMany({ where: { article: { slug: "road-money" } } });
    await stopped.article.deleteMany({ where: { slug: "road-money" } });
    const river = await stopped.article.findUniqueOrThrow({ where: { slug: "river-pays-for-the-pool" } });
    await stopped.article.update({ where: { id: river.id }, data: { commentCount: 0, updatedAt: river.updatedAt } });
    const resumed = await importWordpressFile(stopped, FILE);
    expect(resumed.created).toEqual({ article: 1, comment: 2 });
    expect((await exported(stopped, "resumed.jsonl")).equals(single)).toBe(true);
  });

  it("a dry run writes nothing; the command line reports and refuses a file that is not a WordPress export", async () => {
    const { db, url } = await emptySite("wpdry");
    const dry = await importWordpressFile(db, FILE, { dryRun: true });
    expect(dry.created).toEqual({ member: 2, tag: 3, article: 4, comment: 8 });
    expect(await db.article.count()).toBe(0);
    expect(await db.user.count()).toBe(0);

    const cli = await scriptResult("scripts/import.ts", ["wordpress", FILE, "--report", path.join(dir, "wp.json")], { DATABASE_URL: url });
    expect(cli.code).toBe(0);
    expect(cli.output).toContain("created 17 records (2 member, 3 tag, 4 article, 8 comment)");
    expect(cli.output).toContain("skipped: 1 pingback, 1 page, 1 attachment");
    const report = JSON.parse(readFileSync(path.join(dir, "wp.json"), "utf8")) as { notes: { reason: string }[] };
    expect(report.notes).toHaveLength(3);
    // /admin/import lists the run with its report (administrators only).
    const { listImportRuns, getImportRun } = await import("../../lib/transfer/import-runs");
    const { replaceDb } = await import("../../lib/db");
    const restore = replaceDb(db);
    try {
      const admin: Viewer = { id: "a", handle: "a", name: "A", role: "admin", isBanned: false, sessionId: "s" };
      const [run] = await listImportRuns(admin);
      expect(run).toMatchObject({ kind: "wordpress", file: "wordpress-export.xml", dryRun: false, created: 17, existing: 0, problems: 0 });
      expect(run.finishedAt).not.toBeNull();
      const detail = await getImportRun(admin, run.id);
      expect(detail!.report!.notes.map((n) => n.reason)).toContain("private on the old site: imported as a draft");
      await expect(listImportRuns({ ...admin, role: "moderator" })).rejects.toThrow("This page is for administrators.");
    } finally {
      restore();
    }

    const feed = path.join(dir, "feed.xml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(feed, '<?xml version="1.0"?><rss version="2.0"><channel><title>Not WordPress</title><item><title>x</title></item></channel></rss>');
    const refused = await scriptResult("scripts/import.ts", ["wordpress", feed], { DATABASE_URL: url });
    expect(refused.code).toBe(2);
    expect(refused.output).toContain("is not a WordPress export");
  });
});
