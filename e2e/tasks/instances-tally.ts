// `tsx e2e/tasks/instances-tally.ts '<json>'`: what the database holds after the two-instance
// spec's bursts (e2e/instances-limits.spec.ts), read straight from it: a comment's insightful
// counter beside its vote rows, the spotlights of an article, members' balances beside the sum of
// their ledger rows, and how many comments carry each of some texts. The input is
// {"commentId"?, "articleId"?, "emails"?: [], "bodies"?: []}; the answer is one JSON line.
import { getDb } from "../../lib/db";

type Input = { commentId?: string; articleId?: string; emails?: string[]; bodies?: string[] };

async function main() {
  const input = JSON.parse(process.argv[2] ?? "{}") as Input;
  const db = getDb();
  const comment = input.commentId
    ? await db.comment.findUniqueOrThrow({ where: { id: input.commentId }, select: { insightfulCount: true, _count: { select: { votes: { where: { kind: "insightful" } } } } } })
    : null;
  const spotlights = input.articleId
    ? await db.spotlight.findMany({ where: { articleId: input.articleId }, select: { kind: true, user: { select: { email: true } } } })
    : [];
  const members = await Promise.all(
    (input.emails ?? []).map(async (email) => {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { credits: true, creditTransactions: { select: { delta: true, reason: true } } } });
      const ledger = user.creditTransactions.reduce((sum, row) => sum + row.delta, 0);
      return { email, credits: user.credits, ledger, spends: user.creditTransactions.filter((row) => row.delta < 0).map((row) => row.reason) };
    }),
  );
  const bodies = Object.fromEntries(await Promise.all((input.bodies ?? []).map(async (body) => [body, await db.comment.count({ where: { body } })] as const)));
  await db.$disconnect();
  console.log(
    JSON.stringify({
      insightful: comment ? { counter: comment.insightfulCount, rows: comment._count.votes } : null,
      spotlights: spotlights.map((s) => ({ kind: s.kind, email: s.user.email })),
      members,
      bodies,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
