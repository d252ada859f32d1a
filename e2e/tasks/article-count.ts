// `tsx e2e/tasks/article-count.ts <title>`: prints how many articles, in any state, have exactly
// this title, straight from the database DATABASE_URL names. For the authoring spec, which must
// show that a refused save stored nothing, not even a draft no page would show.
import { getDb } from "../../lib/db";

async function main() {
  const [title] = process.argv.slice(2);
  if (!title) throw new Error("usage: article-count.ts <title>");
  const db = getDb();
  const count = await db.article.count({ where: { title } });
  await db.$disconnect();
  console.log(JSON.stringify({ count }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
