// `tsx e2e/tasks/instances-seed.ts [members] [credits]`: for the two-instance spec
// (e2e/instances-limits.spec.ts), an article of its own with one comment by an author (so no other
// spec's counts or spotlights move), and that many verified members holding that many credits,
// granted as `npm run admin -- grant-credits` would. Prints {"articleId","slug","commentId",
// "members":[{"email","password"}]} as JSON. Published a minute after the oldest article, like
// e2e/tasks/live-article.ts, so the front page's first page is unchanged.
import { randomBytes } from "node:crypto";
import { grantCredits } from "../../lib/credits/ledger";
import { getDb } from "../../lib/db";
import { registerUser } from "../../lib/users/mutations";
import { retryWhenBusy } from "./retry-when-busy";

async function main() {
  const [members = "0", credits = "0"] = process.argv.slice(2);
  const db = getDb();
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const author = await db.user.findFirstOrThrow({ where: { role: "author", deletedAt: null }, select: { id: true } });
  const oldest = await db.article.findFirstOrThrow({ where: { status: "published", publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } });
  const { article, commentId } = await retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          slug: `instances-${suffix}`,
          title: `Served by two machines (${suffix})`,
          dept: "load-balancing",
          body: "An article whose readers are sent to one app instance or another.",
          authorId: author.id,
          status: "published",
          publishedAt: new Date(oldest.publishedAt!.getTime() + 60_000),
          commentCount: 1,
        },
      });
      const comment = await tx.comment.create({ data: { articleId: article.id, authorId: author.id, subject: "Either machine", body: "Whichever one answers, the counts are the same." } });
      await tx.comment.update({ where: { id: comment.id }, data: { rootId: comment.id } });
      return { article, commentId: comment.id };
    }),
  );
  const made: { email: string; password: string }[] = [];
  for (let i = 0; i < Number(members); i++) {
    const member = { name: `Claimant ${i} ${suffix}`, handle: `c${i}_${suffix}`, email: `claimant.${i}.${suffix}@example.test`, password: `pw-${suffix}-${i}-long-enough` };
    const { id } = await retryWhenBusy(() => registerUser({ ...member, emailVerified: true }));
    if (Number(credits) > 0) await retryWhenBusy(() => grantCredits("cli", id, Number(credits), "Seeded for the two-instance spec"));
    made.push({ email: member.email, password: member.password });
  }
  await db.$disconnect();
  console.log(JSON.stringify({ articleId: article.id, slug: article.slug, commentId, members: made }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
