// What every moderation write shares: the comment it acts on, read inside its transaction, and
// the ModerationEvent row written in that same transaction.
import type { Viewer } from "../auth/viewer";
import type { Tx } from "../db";
import { FieldError, NotFoundError } from "../errors";
import type { ModerationActionName } from "./types";

export const FOR_MODERATORS = "Only moderators can do that.";

export type { Tx } from "../db";
export type ModerationResult = { articleSlug: string };

const commentSelect = {
  id: true, status: true, deletedAt: true, flagWeight: true, authorId: true, visitorKey: true, articleId: true,
  article: { select: { slug: true } },
} as const;

export async function findComment(tx: Tx, id: string) {
  const comment = await tx.comment.findUnique({ where: { id }, select: commentSelect });
  if (!comment) throw new NotFoundError("That comment no longer exists.");
  if (comment.deletedAt) throw new FieldError(undefined, "Its author has deleted this comment.");
  return comment;
}

/** Who a decision about a comment concerns: its member, or for an anonymous comment its visitor. */
export const targetOf = (c: { authorId: string | null; visitorKey: string | null }) =>
  c.authorId ? { targetUserId: c.authorId } : { targetVisitorKey: c.visitorKey };

type EventInput = { commentId?: string; targetUserId?: string | null; targetVisitorKey?: string | null; reason?: string | null };

export async function recordEvent(tx: Tx, actor: Viewer, action: ModerationActionName, event: EventInput): Promise<void> {
  await tx.moderationEvent.create({ data: { actorId: actor.id, action, ...event, reason: event.reason || null } });
}

