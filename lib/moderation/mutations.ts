// Moderators' decisions on comments. Each one checks the caller's role here, next to the write
// (a server action can be posted to by anyone, whatever the page shows), and writes its change
// together with the ModerationEvent that records it, in one transaction: no decision without
// its record, no record of a decision that did not happen.
import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { FieldError } from "../errors";
import { notifyCommentAuthor, notifyNewComment } from "../notifications/outbox";
import { takeDownSpotlights } from "../spotlights/takedown";
import { FOR_MODERATORS, findComment, recordEvent, targetOf, type ModerationResult } from "./records";
import { ModerationAction } from "./types";
import { judgeOpenFlags } from "./verdicts";

export { banAuthor, liftBan } from "./bans";
export type { ModerationResult } from "./records";

// Another moderator got there first (the conditional updates below lose the race cleanly).
const ALREADY_DONE = "Another moderator has just dealt with this comment.";

/**
 * Publishes a hidden or pending comment. The flag weight it had is marked approved, so only flag
 * weight added later can hide it again; a pending comment was never counted, so it is now.
 */
export async function approveComment(viewer: Viewer, commentId: string, reason = ""): Promise<ModerationResult> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  return getDb().$transaction(async (tx) => {
    const c = await findComment(tx, commentId);
    if (c.status === "published") throw new FieldError(undefined, "This comment is already published.");
    if (c.status === "removed") throw new FieldError(undefined, "This comment has been removed.");
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, status: c.status, deletedAt: null },
      data: { status: "published", hiddenBy: null, flagWeightApproved: c.flagWeight },
    });
    if (count === 0) throw new FieldError(undefined, ALREADY_DONE);
    if (c.status === "pending") {
      await tx.article.update({ where: { id: c.articleId }, data: { commentCount: { increment: 1 } } });
      // Held until now, so nobody has been told of it yet (a hidden one was told of when posted).
      await notifyNewComment(tx, commentId);
    }
    // Approving says the flags were wrong: they count against their flaggers (lib/trust).
    await judgeOpenFlags(tx, commentId, "rejected");
    await recordEvent(tx, viewer, ModerationAction.approve, { commentId, ...targetOf(c), reason: reason.trim() });
    return { articleSlug: c.article.slug };
  });
}

/**
 * Replaces a comment with "removed by a moderator: <reason>". It keeps its row (replies keep
 * their place) and leaves the article's count if it was in it (published or hidden).
 */
export async function removeComment(viewer: Viewer, commentId: string, reason: string): Promise<ModerationResult> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  const why = reason.trim();
  if (!why) throw new FieldError("reason", "Say why the comment is removed; readers will see it.");
  return getDb().$transaction(async (tx) => {
    const c = await findComment(tx, commentId);
    if (c.status === "removed") throw new FieldError(undefined, "This comment has already been removed.");
    // The condition on the old status makes two simultaneous removals count once.
    const { count } = await tx.comment.updateMany({ where: { id: commentId, status: c.status, deletedAt: null }, data: { status: "removed", removedReason: why } });
    if (count === 0) throw new FieldError(undefined, ALREADY_DONE);
    if (c.status !== "pending") await tx.article.update({ where: { id: c.articleId }, data: { commentCount: { decrement: 1 } } });
    await takeDownSpotlights(tx, commentId, "removed by a moderator");
    if (c.status !== "pending") await notifyCommentAuthor(tx, commentId, "hidden", `Removed by a moderator: ${why}`);
    await judgeOpenFlags(tx, commentId, "upheld");
    await recordEvent(tx, viewer, ModerationAction.remove, { commentId, ...targetOf(c), reason: why });
    return { articleSlug: c.article.slug };
  });
}
