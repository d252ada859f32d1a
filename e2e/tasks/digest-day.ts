// `tsx e2e/tasks/digest-day.ts`: prints the UTC day (YYYY-MM-DD) of the newest visible article
// published before today, in the database DATABASE_URL names: a day whose digest has something
// to send. The demo content's dates are relative to when it was seeded, so specs ask for it.
import { visibleArticleWhere } from "../../lib/articles/queries";
import { getDb } from "../../lib/db";

async function main() {
  const db = getDb();
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const article = await db.article.findFirst({
    where: { ...visibleArticleWhere(), publishedAt: { lt: today } },
    orderBy: { publishedAt: "desc" },
    select: { publishedAt: true },
  });
  await db.$disconnect();
  if (!article?.publishedAt) throw new Error("no visible article published before today");
  console.log(article.publishedAt.toISOString().slice(0, 10));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
