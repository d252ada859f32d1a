// Why a member may not post, told to that member up front (the comment form shows it in place of
// itself). A member's ban is User.bannedAt; its reason is in the moderation log entry that made it.
import "server-only";
import { getDb } from "../db";
import { ModerationAction } from "./types";

/** The reason given with the member's latest ban, or null when none was recorded. */
export async function banReasonOf(userId: string): Promise<string | null> {
  const event = await getDb().moderationEvent.findFirst({
    where: { action: ModerationAction.banUser, targetUserId: userId },
    orderBy: { createdAt: "desc" },
    select: { reason: true },
  });
  return event?.reason ?? null;
}
