// An admin setting a member's trust by hand (e.g. staff and known regulars at once, or a suspect
// account back to "new"), recorded in the moderation log like a role change.
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import type { TrustChoice } from "./schemas";

export async function setTrustLevel(actor: Viewer | "cli", userId: string, trust: TrustChoice): Promise<void> {
  if (actor !== "cli") requireRole(actor, "admin", "Only admins can set a member's trust.");
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { trustLevel: true } });
    if (!user) throw new NotFoundError("No such member.");
    const trustLevel = trust === "earned" ? null : trust;
    await tx.user.update({ where: { id: userId }, data: { trustLevel } });
    await tx.moderationEvent.create({
      data: {
        actorId: actor === "cli" ? null : actor.id,
        action: "user.trust",
        targetUserId: userId,
        reason: `${user.trustLevel ?? "earned"} → ${trustLevel ?? "earned"}${actor === "cli" ? " (command line)" : ""}`,
      },
    });
  });
}
