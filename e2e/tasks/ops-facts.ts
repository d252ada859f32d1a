// `tsx e2e/tasks/ops-facts.ts <question> …`: facts the operations specs check in the database
// DATABASE_URL names, printed as JSON.
//   user-id <handle>                     → { id }
//   comments <articleId> <bodyPrefix>    → { bodies: { body: rows }, commentCount, published }
// `published` counts what commentCount counts: comments shown in the thread, published or hidden
// behind a click, and not deleted (other specs hide and delete comments on the same article).
// Both are read in one statement, so a post landing meanwhile cannot make them disagree.
import { getDb } from "../../lib/db";

async function main() {
  const [question, ...args] = process.argv.slice(2);
  const db = getDb();
  try {
    if (question === "user-id") {
      const user = await db.user.findUniqueOrThrow({ where: { handle: args[0] }, select: { id: true } });
      return { id: user.id };
    }
    if (question === "comments") {
      const [articleId, prefix] = args;
      const rows = await db.comment.findMany({ where: { articleId, body: { startsWith: prefix } }, select: { body: true } });
      const bodies: Record<string, number> = {};
      for (const { body } of rows) bodies[body] = (bodies[body] ?? 0) + 1;
      const [counts] = await db.$queryRaw<{ commentCount: number | bigint; published: number | bigint }[]>`
        SELECT a."commentCount" AS "commentCount",
          (SELECT COUNT(*) FROM "Comment" c WHERE c."articleId" = a.id AND c.status IN ('published', 'hidden') AND c."deletedAt" IS NULL) AS published
        FROM "Article" a WHERE a.id = ${articleId}`;
      return { bodies, commentCount: Number(counts.commentCount), published: Number(counts.published) };
    }
    throw new Error(`unknown question: ${question}`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (answer) => console.log(JSON.stringify(answer)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
