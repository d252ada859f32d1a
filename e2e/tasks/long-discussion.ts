// `tsx e2e/tasks/long-discussion.ts <label>`: adds a published article with a discussion long
// enough to be paged (90 threads of a comment and a reply), in the database DATABASE_URL names,
// and prints {"slug","title","firstId","lastReplyId"} as JSON. Published a minute after the oldest
// article: it sits on the front page's last page, and the oldest article (where
// e2e/tasks/add-comment.ts posts, and UNCOUNTED in comments-helpers.ts) stays the oldest.
import { getDb } from "../../lib/db";

const THREADS = 90;

async function main() {
  const label = process.argv[2] ?? "paging";
  const db = getDb();
  const author = await db.user.findFirstOrThrow({ where: { role: "author", deletedAt: null }, select: { id: true } });
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const title = `A long discussion (${label} ${suffix})`;
  const oldest = await db.article.findFirstOrThrow({ where: { status: "published", publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } });
  const publishedAt = new Date(oldest.publishedAt!.getTime() + 60_000);
  const article = await db.article.create({
    data: { slug: `long-discussion-${suffix}`, title, dept: "long-threads", body: "An article whose discussion runs to several pages.", authorId: author.id, status: "published", publishedAt, commentCount: THREADS * 2 },
  });
  let firstId = "";
  let lastReplyId = "";
  for (let t = 0; t < THREADS; t++) {
    const at = (n: number) => new Date(publishedAt.getTime() + (t * 2 + n + 1) * 1000);
    const root = await db.comment.create({ data: { articleId: article.id, authorId: author.id, subject: `Thread number ${t + 1}`, body: `Opening comment of thread ${t + 1}.`, createdAt: at(0) } });
    // A thread's comments carry its root (as createComment stores them): pages are cut by thread.
    await db.comment.update({ where: { id: root.id }, data: { rootId: root.id } });
    const reply = await db.comment.create({
      data: { articleId: article.id, authorId: author.id, parentId: root.id, rootId: root.id, depth: 1, subject: `Re: Thread number ${t + 1}`, body: `A reply in thread ${t + 1}.`, createdAt: at(1) },
    });
    if (t === 0) firstId = root.id;
    lastReplyId = reply.id;
  }
  await db.$disconnect();
  console.log(JSON.stringify({ slug: article.slug, title, firstId, lastReplyId }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
