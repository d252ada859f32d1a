// `tsx e2e/tasks/add-comment.ts <handle> <subject> <body>`: gives a member a published top-level
// comment on the oldest published article other than the flagship (whose comments other specs
// count), straight in the database DATABASE_URL names, and prints {"commentId","slug"}. For specs
// that need a member's comment before members can post them. Run through tsx: the generated
// Prisma clients are ES modules that Playwright's loader cannot import.
import { FLAGSHIP_SLUG } from "../../prisma/demo";
import { getDb } from "../../lib/db";
import { retryWhenBusy } from "./retry-when-busy";

async function main() {
  const [handle, subject, body] = process.argv.slice(2);
  if (!handle || !body) throw new Error("usage: add-comment.ts <handle> <subject> <body>");
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { handle }, select: { id: true } });
  const article = await db.article.findFirstOrThrow({
    where: { slug: { not: FLAGSHIP_SLUG }, status: "published", publishedAt: { lte: new Date() } },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    select: { id: true, slug: true },
  });
  // Another process (the app server, busy with other specs) may hold SQLite's write lock for a
  // moment: wait for it rather than fail after Prisma's default five seconds, and start again if
  // the database stays busy (./retry-when-busy.ts).
  const commentId = await retryWhenBusy(() => db.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { articleId: article.id, authorId: user.id, subject, body }, select: { id: true } });
    await tx.comment.update({ where: { id: comment.id }, data: { rootId: comment.id } });
    // The article's count moves with its comments, as when a comment is posted.
    await tx.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
    return comment.id;
  }, { maxWait: 30_000, timeout: 30_000 }));
  await db.$disconnect();
  console.log(JSON.stringify({ commentId, slug: article.slug }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
