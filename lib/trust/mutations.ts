// An admin setting a member's trust by hand (e.g. staff and known regulars at once, or a suspect
// account back to "new"), recorded in the moderation log like a role change.
import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import type { TrustChoice } from "./schemas";

export async function setTrustLevel(actor: Viewer | "cli", userId: string, trust: TrustChoice): Promise<void> {
  if (actor !== "cli") requireRole(actor, "admin", "Only admins can set a member's trust.");
  const db = getDb();
  const trustLevel = trust === "earned" ? null : trust;
  // Read for the log line only; the transaction starts with its write, so on SQLite the command
  // line can run beside the site (a transaction that reads first may find its snapshot stale).
  const before = await db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { trustLevel: true } });
  if (!before) throw new NotFoundError("No such member.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, deletedAt: null }, data: { trustLevel } });
    if (count === 0) throw new NotFoundError("No such member.");
    await tx.moderationEvent.create({
      data: {
        actorId: actor === "cli" ? null : actor.id,
        action: "user.trust",
        targetUserId: userId,
        reason: `${before.trustLevel ?? "earned"} → ${trustLevel ?? "earned"}${actor === "cli" ? " (command line)" : ""}`,
      },
    });
  });
}
