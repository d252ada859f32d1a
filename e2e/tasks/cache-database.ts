// `tsx e2e/tasks/cache-database.ts`: a database of its own for e2e/instances-cache.spec.ts, whose
// two instances change a site setting (what every page shows: on the run's database it would
// reach the other specs). Same engine as the run's. Prints one JSON line, then holds the database
// until its stdin closes, and drops it:
// {"url","slug","articleId","commentId","admin","author","flaggers":[…],"claimant"} (members as
// {"email","password"}; the author wrote the article's one comment; the claimant holds credits).
import { randomBytes } from "node:crypto";
import { grantCredits } from "../../lib/credits/ledger";
import { migrateDatabase } from "../../prisma/migrate/deploy";
import { createTestDatabase } from "../../scripts/test-database";

async function main() {
  const database = await createTestDatabase(process.env.DATABASE_URL ?? "file:./data/dept.db", "cache");
  try {
    await migrateDatabase(database.url);
    // Before lib/ reads its environment: getDb() is then this database.
    process.env.DATABASE_URL = database.url;
    const { getDb } = await import("../../lib/db");
    const { registerUser } = await import("../../lib/users/mutations");
    const db = getDb();
    const suffix = randomBytes(4).toString("hex");
    const member = async (label: string, data: { role?: "admin" | "author"; trustLevel?: string } = {}) => {
      const made = { email: `${label}.${suffix}@example.test`, password: `pw-${label}-${suffix}-long-enough` };
      const { id } = await registerUser({ name: `${label} ${suffix}`, handle: `${label}_${suffix}`, email: made.email, password: made.password, emailVerified: true });
      await db.user.update({ where: { id }, data });
      return { ...made, id };
    };
    const admin = await member("admin", { role: "admin" });
    const author = await member("author", { role: "author" });
    // Established voices weigh 2 each toward the default threshold of 5: three hide a comment.
    const flaggers = [await member("flagger1", { trustLevel: "established" }), await member("flagger2", { trustLevel: "established" }), await member("flagger3", { trustLevel: "established" })];
    const claimant = await member("claimant");
    await grantCredits("cli", claimant.id, 10, "For the shared-cache spec");
    const article = await db.article.create({
      data: { slug: `shared-cache-${suffix}`, title: `Cached once, for everyone (${suffix})`, dept: "one-cache", body: "Whichever instance serves this page, it is the same page.", authorId: author.id, status: "published", publishedAt: new Date(Date.now() - 60_000), commentCount: 1 },
    });
    const comment = await db.comment.create({ data: { articleId: article.id, authorId: author.id, subject: "The first comment", body: `Said once, read everywhere ${suffix}.` } });
    await db.comment.update({ where: { id: comment.id }, data: { rootId: comment.id } });
    await db.$disconnect();
    const strip = ({ email, password }: { email: string; password: string }) => ({ email, password });
    console.log(JSON.stringify({ url: database.url, slug: article.slug, articleId: article.id, commentId: comment.id, admin: strip(admin), author: strip(author), flaggers: flaggers.map(strip), claimant: strip(claimant) }));
    process.stdin.resume();
    await new Promise((resolve) => process.stdin.once("end", resolve));
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
