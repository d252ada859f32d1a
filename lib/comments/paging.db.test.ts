// A long discussion cut into pages against a real database: each page holds whole threads, no
// comment is on two pages or none, and a comment's permalink finds its page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, wipeDatabase } from "../../prisma/seed";
import { getDb } from "../db";
import { COMMENTS_PER_PAGE, ONE_PAGE_MAX } from "./paging";
import { getCommentLocation } from "./permalink";
import { listCommentPage } from "./queries";
import { defaultThreadView } from "./thread-view";

const db = getDb();
let articleId = "";
let lastReplyId = "";
const THREADS = 60;

beforeAll(async () => {
  await wipeDatabase(db);
  await seedDemo(db);
  const author = await db.user.findFirstOrThrow({ where: { role: "author" } });
  const article = await db.article.create({
    data: { slug: "long-discussion", title: "A long discussion", dept: "paging", body: "Body.", authorId: author.id, status: "published", publishedAt: new Date(Date.now() - 3600_000) },
  });
  articleId = article.id;
  // 60 threads of a comment and two replies each: 180 comments, more than one page holds.
  const start = Date.now() - 3000_000;
  for (let t = 0; t < THREADS; t++) {
    const at = (n: number) => new Date(start + (t * 3 + n) * 1000);
    const root = await db.comment.create({ data: { articleId, authorId: author.id, subject: `Thread ${t}`, body: `Root of thread ${t}`, createdAt: at(0) } });
    await db.comment.update({ where: { id: root.id }, data: { rootId: root.id } });
    const reply = await db.comment.create({ data: { articleId, authorId: author.id, parentId: root.id, rootId: root.id, depth: 1, subject: `Re: Thread ${t}`, body: "A reply", createdAt: at(1) } });
    const deeper = await db.comment.create({ data: { articleId, authorId: author.id, parentId: reply.id, rootId: root.id, depth: 2, subject: `Re: Thread ${t}`, body: "A deeper reply", createdAt: at(2) } });
    lastReplyId = deeper.id;
  }
});

afterAll(async () => {
  await wipeDatabase(db);
});

describe("a long discussion, page by page", () => {
  it("shows every comment exactly once across its pages, whole threads on each", async () => {
    const first = await listCommentPage(articleId, defaultThreadView);
    expect(first).not.toBeNull();
    const expectedPages = Math.ceil((THREADS * 3) / (Math.floor(COMMENTS_PER_PAGE / 3) * 3));
    expect(first!.pageCount).toBe(expectedPages);
    const seen: string[] = [];
    for (let page = 1; page <= first!.pageCount; page++) {
      const { comments } = (await listCommentPage(articleId, { ...defaultThreadView, page }))!;
      expect(comments.length).toBeLessThanOrEqual(COMMENTS_PER_PAGE);
      const ids = new Set(comments.map((c) => c.id));
      // Every reply's parent is on the same page.
      for (const c of comments) if (c.parentId) expect(ids.has(c.parentId)).toBe(true);
      seen.push(...ids);
    }
    expect(seen.length).toBe(THREADS * 3);
    expect(new Set(seen).size).toBe(THREADS * 3);
    expect(await listCommentPage(articleId, { ...defaultThreadView, page: first!.pageCount + 1 })).toBeNull();
  });

  it("sends a permalink to the page that shows the comment", async () => {
    const location = await getCommentLocation(lastReplyId);
    const { pageCount } = (await listCommentPage(articleId, defaultThreadView))!;
    expect(location?.page).toBe(pageCount);
    expect(location?.href).toBe(`/articles/long-discussion?cpage=${pageCount}#comment-${lastReplyId}`);
    const onPage = (await listCommentPage(articleId, { ...defaultThreadView, page: pageCount }))!.comments.map((c) => c.id);
    expect(onPage).toContain(lastReplyId);
  });

  it("pages the flat view newest first in fixed-size pages", async () => {
    const flat = await listCommentPage(articleId, { view: "flat", sort: "newest", page: 1 });
    expect(flat!.comments).toHaveLength(COMMENTS_PER_PAGE);
    expect(flat!.comments[0].id).toBe(lastReplyId);
    expect(flat!.pageCount).toBe(Math.ceil((THREADS * 3) / COMMENTS_PER_PAGE));
  });
});

describe("where paging starts", () => {
  it("shows a discussion of up to one page's maximum whole, and cuts one comment more into pages", async () => {
    const author = await db.user.findFirstOrThrow({ where: { role: "author" } });
    const article = await db.article.create({
      data: { slug: "right-at-the-edge", title: "Right at the edge", dept: "paging", body: "Body.", authorId: author.id, status: "published", publishedAt: new Date(Date.now() - 3600_000) },
    });
    const start = Date.now() - 3000_000;
    await db.comment.createMany({
      data: Array.from({ length: ONE_PAGE_MAX }, (_, i) => ({ articleId: article.id, authorId: author.id, subject: `Comment ${i}`, body: `Number ${i}`, createdAt: new Date(start + i * 1000) })),
    });
    const whole = (await listCommentPage(article.id, defaultThreadView))!;
    expect([whole.pageCount, whole.comments.length]).toEqual([1, ONE_PAGE_MAX]);
    expect(whole.comments[0].subject).toBe("Comment 0");
    expect(await listCommentPage(article.id, { ...defaultThreadView, page: 2 })).toBeNull();

    await db.comment.create({ data: { articleId: article.id, authorId: author.id, subject: "One too many", body: "Now it pages", createdAt: new Date(start + ONE_PAGE_MAX * 1000) } });
    const paged = (await listCommentPage(article.id, defaultThreadView))!;
    expect(paged.pageCount).toBe(Math.ceil((ONE_PAGE_MAX + 1) / COMMENTS_PER_PAGE));
    expect(paged.comments).toHaveLength(COMMENTS_PER_PAGE);
    const last = (await listCommentPage(article.id, { ...defaultThreadView, page: paged.pageCount }))!;
    expect(last.comments.at(-1)?.subject).toBe("One too many");
  });
});
