// `tsx e2e/tasks/ban-member.ts <moderator handle> <member handle> <reason>`: the moderator bans
// the member with lib/moderation's own banMember (the members list's action), straight against
// the database DATABASE_URL names; prints {"banned":true}. For specs about what a banned member
// sees, which are not about the moderation screens.
import { banMember } from "../../lib/moderation/bans";
import { getDb } from "../../lib/db";
import { retryWhenBusy } from "./retry-when-busy";

async function main() {
  const [moderatorHandle, memberHandle, reason] = process.argv.slice(2);
  if (!moderatorHandle || !memberHandle || !reason) throw new Error("usage: ban-member.ts <moderator handle> <member handle> <reason>");
  const db = getDb();
  const [moderator, member] = await Promise.all(
    [moderatorHandle, memberHandle].map((handle) => db.user.findUniqueOrThrow({ where: { handle }, select: { id: true, handle: true, name: true, role: true } })),
  );
  await retryWhenBusy(() => banMember({ ...moderator, isBanned: false, sessionId: "e2e" }, member.id, reason));
  await db.$disconnect();
  console.log(JSON.stringify({ banned: true }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
