// `tsx e2e/tasks/legacy-url.ts <path> <article slug>`: records an old address for an article, as
// `npm run import -- wordpress` does for each post's permalink, straight into the database
// DATABASE_URL names. For the redirect spec, which must not add articles other specs would see.
import { getDb } from "../../lib/db";

async function main() {
  const [path, slug] = process.argv.slice(2);
  if (!path || !slug) throw new Error("usage: legacy-url.ts <path> <article slug>");
  const db = getDb();
  const article = await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await db.articleLegacyUrl.upsert({ where: { path }, create: { path, articleId: article.id }, update: { articleId: article.id } });
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
