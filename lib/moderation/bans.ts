// Banning a comment's author from posting, and lifting bans. A member's ban is User.bannedAt:
// getViewer() reads it on every request, so it applies at the member's very next request
// (viewer.isBanned) without ending their session; they can still read, and edit their settings.
// An anonymous poster is banned by the signed visitor key their comment was posted with, the
// keyed hash of the email they gave, and for a while the network they posted from, whose new
// comments are then held for review (./ban-traces.ts, ./posting-bans.ts).
import { hasRole, requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb, isUniqueViolation } from "../db";
import { FieldError, ForbiddenError } from "../errors";
import { banPosterTraces, liftPosterTraces } from "./ban-traces";
import { FOR_MODERATORS, findComment, recordEvent, type ModerationResult } from "./records";
import { ModerationAction } from "./types";

const ALREADY_BANNED = "This author is already banned.";

export async function banAuthor(viewer: Viewer, commentId: string, reason: string, now = new Date()): Promise<ModerationResult & { banned: "user" | "visitor" }> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  const why = reason.trim();
  if (!why) throw new FieldError("reason", "Say why the author is banned.");
  try {
    return await getDb().$transaction(async (tx) => {
      const c = await findComment(tx, commentId);
      if (c.authorId) {
        if (c.authorId === viewer.id) throw new ForbiddenError("You cannot ban yourself.");
        const user = await tx.user.findUnique({ where: { id: c.authorId }, select: { role: true, deletedAt: true } });
        if (!user || user.deletedAt) throw new FieldError(undefined, "The author has deleted their account.");
        // Staff lose their rights through a role change by an admin, not a ban.
        if (hasRole(user, "moderator")) throw new ForbiddenError("Moderators and admins cannot be banned; an admin can change their role first.");
        const { count } = await tx.user.updateMany({ where: { id: c.authorId, bannedAt: null }, data: { bannedAt: new Date() } });
        if (count === 0) throw new FieldError(undefined, ALREADY_BANNED);
        await recordEvent(tx, viewer, ModerationAction.banUser, { commentId, targetUserId: c.authorId, reason: why });
        return { articleSlug: c.article.slug, banned: "user" as const };
      }
      if (!c.visitorKey) throw new FieldError(undefined, "This comment was posted without a visitor key, so its poster cannot be banned.");
      if (await tx.visitorBan.findUnique({ where: { visitorKey: c.visitorKey }, select: { visitorKey: true } })) throw new FieldError(undefined, ALREADY_BANNED);
      await tx.visitorBan.create({ data: { visitorKey: c.visitorKey, reason: why, createdAt: now } });
      await banPosterTraces(tx, commentId, why, now);
      await recordEvent(tx, viewer, ModerationAction.banVisitor, { commentId, targetVisitorKey: c.visitorKey, reason: why });
      return { articleSlug: c.article.slug, banned: "visitor" as const };
    });
  } catch (error) {
    // Two moderators banning the same visitor at once: the key's primary key lets one through.
    if (isUniqueViolation(error)) throw new FieldError(undefined, ALREADY_BANNED);
    throw error;
  }
}

/**
 * Lets a member (by id) or a visitor (by key, with the network and email their ban covered) post
 * again, or lets a banned poster's network post without review before its ban ends.
 */
export async function liftBan(viewer: Viewer, ban: { kind: "user" | "visitor" | "network"; target: string }, reason = ""): Promise<void> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  await getDb().$transaction(async (tx) => {
    if (ban.kind === "user") {
      const { count } = await tx.user.updateMany({ where: { id: ban.target, bannedAt: { not: null } }, data: { bannedAt: null } });
      if (count === 0) throw new FieldError(undefined, "That member is not banned.");
      await recordEvent(tx, viewer, ModerationAction.unbanUser, { targetUserId: ban.target, reason: reason.trim() });
    } else if (ban.kind === "visitor") {
      const { count } = await tx.visitorBan.deleteMany({ where: { visitorKey: ban.target } });
      if (count === 0) throw new FieldError(undefined, "That visitor is not banned.");
      await liftPosterTraces(tx, ban.target);
      await recordEvent(tx, viewer, ModerationAction.unbanVisitor, { targetVisitorKey: ban.target, reason: reason.trim() });
    } else {
      const { count } = await tx.networkBan.deleteMany({ where: { network: ban.target, expiresAt: { gt: new Date() } } });
      if (count === 0) throw new FieldError(undefined, "That network is not held for review.");
      // The log has no column for a network: the entry names it in its reason.
      await recordEvent(tx, viewer, ModerationAction.unbanNetwork, { reason: [`Network ${ban.target}`, reason.trim()].filter(Boolean).join(": ") });
    }
  });
}

/** Bans a member by account (from the admin members list rather than from one of their comments). */
export async function banMember(viewer: Viewer, userId: string, reason: string): Promise<void> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  const why = reason.trim();
  if (!why) throw new FieldError("reason", "Say why the member is banned.");
  if (userId === viewer.id) throw new ForbiddenError("You cannot ban yourself.");
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deletedAt: true } });
    if (!user || user.deletedAt) throw new FieldError(undefined, "No such member.");
    if (hasRole(user, "moderator")) throw new ForbiddenError("Moderators and admins cannot be banned; change their role first.");
    const { count } = await tx.user.updateMany({ where: { id: userId, bannedAt: null }, data: { bannedAt: new Date() } });
    if (count === 0) throw new FieldError(undefined, ALREADY_BANNED);
    await recordEvent(tx, viewer, ModerationAction.banUser, { targetUserId: userId, reason: why });
  });
}
