// npm run import -- disqus (issue 22) on the engine DATABASE_URL names, with a Disqus export
// written by hand in Disqus's shape (fixtures/disqus-export.xml), imported into a site that
// already holds the WordPress archive (fixtures/wordpress-export.xml) and one article of its own:
// threads found by old address, by WordPress's identifier and by the site's own address; a
// thread five deep; spam and deleted posts; a reply listed before its parent; a reply whose
// parent is not in the file; and a thread that matches nothing.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { importDisqusFile } from "../../lib/transfer/import-disqus";
import { importWordpressFile } from "../../lib/transfer/import-wordpress";
import { scriptResult } from "../ops/processes";
import { scratchSites } from "../support/scratch-sites";

const { engine, dir, emptySite, exportTo, cleanup } = scratchSites("disqus");
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const DISQUS = path.join(FIXTURES, "disqus-export.xml");

/** A site with the WordPress archive, a member who also commented on Disqus, and an article of its own. */
async function siteWithArchive(label: string): Promise<{ url: string; db: Db; hollis: string }> {
  const { url, db } = await emptySite(label);
  await importWordpressFile(db, path.join(FIXTURES, "wordpress-export.xml"));
  const hollis = await db.user.create({ data: { id: "hollis", email: "hollis@example.com", handle: "hollis", name: "Hollis Wren", createdAt: new Date("2024-01-01T00:00:00Z"), updatedAt: new Date("2024-01-01T00:00:00Z") } });
  const author = await db.user.findFirstOrThrow({ where: { role: "author" }, orderBy: { id: "asc" } });
  const at = new Date("2024-03-30T00:00:00Z");
  await db.article.create({ data: { id: "bridge-tolls", slug: "bridge-tolls-explained", title: "Bridge tolls, explained", dept: "bridges", body: "Tolls.", status: "published", publishedAt: at, authorId: author.id, createdAt: at, updatedAt: at } });
  return { url, db, hollis: hollis.id };
}

const exported = async (db: Db, name: string) => readFileSync(await exportTo(db, name));

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

afterAll(cleanup);

describe(`Disqus import (${engine})`, () => {
  it("puts each thread's posts under its article, with parents, states and authors", async () => {
    const { db, hollis } = await siteWithArchive("dqone");
    const summary = await importDisqusFile(db, DISQUS);

    expect(summary.matched).toBe(3);
    expect(summary.created).toEqual({ comment: 14 });
    expect(summary.problems.map((p) => p.reason)).toEqual(["matches no article here (by its link or identifier): its 2 posts not imported"]);
    expect(summary.skipped).toEqual({ "thread without posts or article": 1 });
    expect(summary.notes.map((n) => [n.key, n.reason])).toEqual([
      ["post 7005", "removed: script"],
      ["post 7011", "its parent post 6999 is not in the file: imported as a new thread"],
    ]);

    const river = await db.article.findUniqueOrThrow({ where: { slug: "river-pays-for-the-pool" }, select: { id: true, commentCount: true } });
    const comments = await db.comment.findMany({ where: { articleId: river.id, id: { startsWith: "dq" } } });
    const post = (id: number) => comments.find((c) => c.id.endsWith(`-c${id}`))!;
    const chain = [7001, 7002, 7003, 7004, 7005].map(post);
    expect(chain.map((c) => c.depth)).toEqual([0, 1, 2, 3, 4]);
    expect(chain.slice(1).every((c, i) => c.parentId === chain[i].id && c.rootId === chain[0].id)).toBe(true);
    // Listed before its parent in the file, it still hangs under it.
    expect(post(7009)).toMatchObject({ parentId: post(7010).id, depth: 1 });
    expect(post(7011)).toMatchObject({ parentId: null, depth: 0 });
    expect([post(7006).status, post(7006).removedReason]).toEqual(["removed", "Marked as spam on the old site."]);
    expect([post(7007).status, post(7007).removedReason]).toEqual(["removed", "Deleted on the old site."]);
    expect(post(7008)).toMatchObject({ parentId: post(7007).id, status: "published" });
    // A member here with the commenter's email; otherwise the name, and the Disqus profile.
    expect([post(7002).authorId, post(7005).authorId]).toEqual([hollis, hollis]);
    expect(post(7004)).toMatchObject({ authorId: null, anonName: "Jonah", anonWebsite: "https://disqus.com/by/jonah_reads/" });
    expect(post(7001)).toMatchObject({ anonName: "Birgit", anonEmail: "birgit@example.net", anonWebsite: null });
    expect(post(7005).body).not.toMatch(/script|alert/);
    expect(post(7003).body).toBe("Ha. **Fair.**");

    // Counts equal the rows: the WordPress comments and the Disqus ones that are shown.
    expect(river.commentCount).toBe(5 + 9);
    expect((await db.article.findUniqueOrThrow({ where: { slug: "bridge-tolls-explained" } })).commentCount).toBe(2);
    // Found by WordPress's identifier ("102 …"), though its link is another site's.
    expect(await db.comment.count({ where: { article: { slug: "road-money" }, id: { startsWith: "dq" } } })).toBe(1);
  });

  it("a second run creates nothing; a run stopped half-way and run again ends as one run does", async () => {
    const { db: once } = await siteWithArchive("dqonce");
    await importDisqusFile(once, DISQUS);
    const again = await importDisqusFile(once, DISQUS);
    expect(total(again.created)).toBe(0);
    expect(again.existing).toEqual({ comment: 14 });
    const single = await exported(once, "single.jsonl");

    const { db: stopped } = await siteWithArchive("dqstop");
    await importDisqusFile(stopped, DISQUS);
    // What a stop leaves: the later posts not written, and the counts not brought up to date.
    await stopped.comment.deleteMany({ where: { id: { startsWith: "dq" }, depth: { gte: 2 } } });
    await stopped.comment.deleteMany({ where: { id: { endsWith: "-c7201" } } });
    for (const article of await stopped.article.findMany({ select: { id: true, updatedAt: true } })) {
      await stopped.article.update({ where: { id: article.id }, data: { commentCount: 0, updatedAt: article.updatedAt } });
    }
    const resumed = await importDisqusFile(stopped, DISQUS);
    expect(resumed.created).toEqual({ comment: 4 });
    expect((await exported(stopped, "resumed.jsonl")).equals(single)).toBe(true);
  });

  it("a dry run writes nothing; the command line refuses a file that is not a Disqus export", async () => {
    const { db, url } = await siteWithArchive("dqdry");
    const before = await db.comment.count();
    const dry = await importDisqusFile(db, DISQUS, { dryRun: true });
    expect(dry.created).toEqual({ comment: 14 });
    expect(await db.comment.count()).toBe(before);

    const cli = await scriptResult("scripts/import.ts", ["disqus", DISQUS, "--report", path.join(dir, "dq.json")], { DATABASE_URL: url });
    // One thread matched nothing: its posts are in the report, and the exit code says so.
    expect(cli.code).toBe(1);
    expect(cli.output).toContain("created 14 records (14 comment)");
    expect(cli.output).toContain("3 Disqus threads matched to articles here");

    const wrong = path.join(dir, "wrong.xml");
    writeFileSync(wrong, '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>');
    const refused = await scriptResult("scripts/import.ts", ["disqus", wrong], { DATABASE_URL: url });
    expect(refused.code).toBe(2);
    expect(refused.output).toContain("is not a Disqus export");
  });
});
