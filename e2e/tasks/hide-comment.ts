// `tsx e2e/tasks/hide-comment.ts <commentId>`: flags a published comment as the community would
// (three visitors say spam, one member says abusive: weight 5, the default threshold) and hides
// it, straight in the database DATABASE_URL names; prints {"commentId","flagWeight"}. For the
// moderation specs, which need hidden comments of their own: the demo's flagged comment must stay
// hidden for other specs. The article page is not revalidated here, so a spec should look at it
// only after a moderator's decision (which does revalidate it).
import { getDb } from "../../lib/db";
import { HIDING_WEIGHT, hidingFlags } from "./community-flags";
import { retryWhenBusy } from "./retry-when-busy";

async function main() {
  const [commentId] = process.argv.slice(2);
  if (!commentId) throw new Error("usage: hide-comment.ts <commentId>");
  const db = getDb();
  // Another process (the app server, busy with other specs) may hold SQLite's write lock for a
  // moment: wait for it rather than fail after Prisma's default five seconds, and start again if
  // the database stays busy (./retry-when-busy.ts).
  const flagWeight = await retryWhenBusy(() => db.$transaction(async (tx) => {
    const comment = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true } });
    if (comment.status !== "published") throw new Error(`comment ${commentId} is ${comment.status}, not published`);
    await tx.flag.createMany({ data: hidingFlags(commentId, "e2e") });
    // Hidden comments stay in the article's count, so the count does not move.
    const updated = await tx.comment.update({ where: { id: commentId }, data: { flagWeight: { increment: HIDING_WEIGHT }, status: "hidden", hiddenBy: "community" }, select: { flagWeight: true } });
    return updated.flagWeight;
  }, { maxWait: 30_000, timeout: 30_000 }));
  await db.$disconnect();
  console.log(JSON.stringify({ commentId, flagWeight }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
