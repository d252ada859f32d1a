// `tsx e2e/tasks/live-article.ts`: adds a published article of its own for the live-discussion
// spec (it posts there, so no other spec's counts move), with one comment so the thread has a
// Reply button to wait for, and prints {"id","slug","title"} as JSON. Published a minute after
// the oldest article, like e2e/tasks/long-discussion.ts: the front page's first page is unchanged.
import { getDb } from "../../lib/db";

async function main() {
  const db = getDb();
  const author = await db.user.findFirstOrThrow({ where: { role: "author", deletedAt: null }, select: { id: true } });
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const title = `Talking while it happens (${suffix})`;
  const oldest = await db.article.findFirstOrThrow({ where: { status: "published", publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } });
  const publishedAt = new Date(oldest.publishedAt!.getTime() + 60_000);
  const article = await db.article.create({
    data: { slug: `live-${suffix}`, title, dept: "real-time", body: "An article whose readers watch the discussion grow.", authorId: author.id, status: "published", publishedAt, commentCount: 1 },
  });
  const first = await db.comment.create({ data: { articleId: article.id, authorId: author.id, subject: "Opening the floor", body: "Say what you think; others will see it come in." } });
  await db.comment.update({ where: { id: first.id }, data: { rootId: first.id } });
  await db.$disconnect();
  console.log(JSON.stringify({ id: article.id, slug: article.slug, title }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
