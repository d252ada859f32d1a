// Writing notifications. Each function runs inside the transaction of the change that causes it
// (a reply becoming visible, a badge earned, a spotlight, a comment hidden, a report decided), so
// a notification exists exactly when its cause does: this table is also the mail outbox, which
// lib/notifications/sender.ts drains. Who is told, and about what, is decided here; whether and
// when a mail goes out (preferences, verified address, the hourly batching) is the sender's call,
// made when it sends, so a preference changed in between is respected.
import type { Tx } from "../db";
import { recipientsOfComment, type NewComment } from "./recipients";

/** Kinds that may also go out by mail (the others are for the bell only). */
const MAILED_KINDS = new Set(["reply", "followed"]);

export type NotificationKind = "reply" | "followed" | "badge" | "spotlight" | "hidden" | "report";

type Row = { userId?: string; mailAddressId?: string; kind: NotificationKind; commentId: string; articleId: string; detail?: string | null };

async function insert(tx: Tx, rows: Row[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: rows.map((row) => ({
      ...row,
      detail: row.detail ?? null,
      createdAt: now,
      ...(MAILED_KINDS.has(row.kind) ? { mailState: "queued", mailDueAt: now } : { mailState: "none" }),
    })),
  });
  return count;
}

/**
 * A comment has just become visible (posted as published, or approved from the review queue):
 * the author of the comment it answers hears of a reply, everyone following the discussion or a
 * thread it sits in hears of a new comment. Its own poster hears nothing. A pending comment is
 * passed over here and told about when a moderator approves it. The post path passes the
 * comment it has just written as published; an approval passes its id, read here.
 */
export async function notifyNewComment(tx: Tx, commentOrId: string | NewComment, now = new Date()): Promise<number> {
  const recipients = await recipientsOfComment(tx, commentOrId);
  if (!recipients) return 0;
  const commentId = typeof commentOrId === "string" ? commentOrId : commentOrId.id;
  const { articleId } = recipients;
  return insert(
    tx,
    recipients.list.map((r) => ({ ...r.to, kind: r.kind, commentId, articleId })),
    now,
  );
}

/** Makes a member follow the thread under the comment they just posted (replies anywhere below it). */
export async function followOwnComment(tx: Tx, userId: string, articleId: string, commentId: string): Promise<void> {
  await tx.follow.create({ data: { followerKey: `u:${userId}`, target: `comment:${commentId}`, userId, articleId, commentId } });
}

/**
 * Tells a comment's member author about something that happened to it: a badge (detail
 * "insightful" | "funny"), a spotlight ("first" | "last") or its hiding (detail: why). Anonymous
 * comments have no one to tell in the bell. `exceptUserId`: the member who caused it (spending
 * your own credits on your own comment needs no notice). A badge earned again after it was lost
 * is not announced twice.
 */
export async function notifyCommentAuthor(
  tx: Tx,
  commentId: string,
  kind: "badge" | "spotlight" | "hidden",
  detail: string,
  { exceptUserId, now = new Date() }: { exceptUserId?: string; now?: Date } = {},
): Promise<number> {
  const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { authorId: true, articleId: true, author: { select: { deletedAt: true } } } });
  if (!comment?.authorId || comment.author?.deletedAt || comment.authorId === exceptUserId) return 0;
  if (kind === "badge") {
    const told = await tx.notification.findFirst({ where: { userId: comment.authorId, kind, commentId, detail }, select: { id: true } });
    if (told) return 0;
  }
  return insert(tx, [{ userId: comment.authorId, kind, commentId, articleId: comment.articleId, detail }], now);
}

/**
 * A moderator judged a comment's open flags: each member who flagged it hears the outcome
 * ("upheld": the comment came down; "rejected": it stays). Called with the flaggers whose flags
 * this very decision judged, so nobody is told twice about one report.
 */
export async function notifyReporters(tx: Tx, commentId: string, flaggerIds: string[], verdict: "upheld" | "rejected", now = new Date()): Promise<number> {
  if (flaggerIds.length === 0) return 0;
  const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { articleId: true } });
  if (!comment) return 0;
  const unique = [...new Set(flaggerIds)];
  return insert(
    tx,
    unique.map((userId) => ({ userId, kind: "report" as const, commentId, articleId: comment.articleId, detail: verdict })),
    now,
  );
}
