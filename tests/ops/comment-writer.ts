// A site writing comments, in a process of its own, for tests/ops/backup-restore.test.ts: from
// the moment it starts it adds comments to ARTICLE_ID one transaction at a time (the comment and
// the article's commentCount together, as lib/comments does), printing the running total, until
// its stdin closes; then it prints "done <total>".
import { createDb } from "../../lib/db";

async function main() {
  const db = createDb(process.env.DATABASE_URL!);
  const articleId = process.env.ARTICLE_ID!;
  let stop = false;
  process.stdin.on("end", () => (stop = true)).resume();
  let written = 0;
  while (!stop) {
    await db.$transaction([
      db.comment.create({ data: { articleId, body: `Written during a backup, #${written + 1}`, anonName: "Writer", anonEmail: "writer@example.test" } }),
      db.article.update({ where: { id: articleId }, data: { commentCount: { increment: 1 } } }),
    ]);
    written += 1;
    console.log(`wrote ${written}`);
    // SQLite answers synchronously: without a turn of the event loop, stdin's end is never seen.
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log(`done ${written}`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
