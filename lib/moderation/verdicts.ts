// A moderator's verdict on a comment's open flags. Upholding or rejecting them is what teaches
// lib/trust whose flags to believe: each member whose flag is judged gets it counted once into
// their record (flagsUpheld / flagsRejected), in the same transaction as the verdict, and a flag
// already judged is never counted again, whoever races to judge it.
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb, type Tx } from "../db";
import { FieldError } from "../errors";
import { notifyCommentAuthor, notifyReporters } from "../notifications/outbox";
import { takeDownSpotlights } from "../spotlights/takedown";
import { FOR_MODERATORS, findComment, recordEvent, targetOf, type ModerationResult } from "./records";
import { ModerationAction } from "./types";

export type Verdict = "upheld" | "rejected";

const NO_OPEN_FLAGS = "This comment has no open flags: another moderator may have just judged them.";

/** Marks the comment's open flags with the verdict and counts it into each flagger's record. */
export async function judgeOpenFlags(tx: Tx, commentId: string, verdict: Verdict): Promise<number> {
  const open = await tx.flag.findMany({ where: { commentId, verdict: null }, select: { id: true, userId: true } });
  if (open.length === 0) return 0;
  // Only the flags this transaction itself moved from open to judged are counted.
  const { count } = await tx.flag.updateMany({ where: { id: { in: open.map((f) => f.id) }, verdict: null }, data: { verdict } });
  if (count !== open.length) throw new FieldError(undefined, NO_OPEN_FLAGS);
  const perMember = new Map<string, number>();
  for (const f of open) if (f.userId) perMember.set(f.userId, (perMember.get(f.userId) ?? 0) + 1);
  const field = verdict === "upheld" ? "flagsUpheld" : "flagsRejected";
  for (const [userId, n] of perMember) await tx.user.update({ where: { id: userId }, data: { [field]: { increment: n } } });
  // Members who reported it hear the outcome; anonymous flaggers have no inbox.
  await notifyReporters(tx, commentId, [...perMember.keys()], verdict);
  return count;
}

/**
 * The flags were right: the comment is hidden by a moderator (if it is not already out of view)
 * and every open flag on it counts for its flagger.
 */
export async function upholdFlags(viewer: Viewer, commentId: string, reason = ""): Promise<ModerationResult> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  return getDb().$transaction(async (tx) => {
    const c = await findComment(tx, commentId);
    if ((await judgeOpenFlags(tx, commentId, "upheld")) === 0) throw new FieldError(undefined, NO_OPEN_FLAGS);
    if (c.status === "published") {
      const { count } = await tx.comment.updateMany({ where: { id: commentId, status: "published" }, data: { status: "hidden", hiddenBy: "moderator" } });
      await takeDownSpotlights(tx, commentId, "hidden by a moderator");
      if (count === 1) await notifyCommentAuthor(tx, commentId, "hidden", reason.trim() ? `Hidden by a moderator: ${reason.trim()}` : "Hidden by a moderator after readers reported it");
    } else if (c.status === "hidden") {
      // The moderator now owns the decision: withdrawn flags will not bring it back.
      await tx.comment.updateMany({ where: { id: commentId, status: "hidden" }, data: { hiddenBy: "moderator" } });
    }
    await recordEvent(tx, viewer, ModerationAction.upholdFlags, { commentId, ...targetOf(c), reason: reason.trim() });
    return { articleSlug: c.article.slug };
  });
}

/**
 * The flags were wrong: they count against their flaggers, the weight they carried is marked
 * approved (only new flags can hide the comment again), and a comment the community hid is
 * shown again.
 */
export async function rejectFlags(viewer: Viewer, commentId: string, reason = ""): Promise<ModerationResult> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  return getDb().$transaction(async (tx) => {
    const c = await findComment(tx, commentId);
    if ((await judgeOpenFlags(tx, commentId, "rejected")) === 0) throw new FieldError(undefined, NO_OPEN_FLAGS);
    const shown = c.status === "hidden" ? { status: "published" as const, hiddenBy: null } : {};
    await tx.comment.update({ where: { id: commentId }, data: { flagWeightApproved: c.flagWeight, ...shown } });
    await recordEvent(tx, viewer, ModerationAction.rejectFlags, { commentId, ...targetOf(c), reason: reason.trim() });
    return { articleSlug: c.article.slug };
  });
}
