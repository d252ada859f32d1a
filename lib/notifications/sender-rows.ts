// What the sender reads for one recipient: their due rows with what a mail says about each, and
// where they stand (reachable? which kinds? how often?), as it is at send time.
import "server-only";
import { getDb } from "../db";
import { excerptOf } from "../markdown/render";
import { ANONYMOUS_NAME, DELETED_USER_NAME } from "../words";
import { mayMail, type MailMode, type RecipientStanding } from "./mail-policy";
import type { MailItem, MailRecipient } from "./mails";
import { memberNotifyToken } from "./unsubscribe";

export type RecipientKey = { userId: string } | { mailAddressId: string };

const EXCERPT_LENGTH = 200;

const rowSelect = {
  id: true,
  kind: true,
  createdAt: true,
  articleId: true,
  mailAttempts: true,
  article: { select: { title: true, status: true, publishedAt: true } },
  comment: { select: { id: true, subject: true, body: true, status: true, deletedAt: true, anonName: true, author: { select: { name: true, deletedAt: true } } } },
} as const;

type Row = Awaited<ReturnType<typeof loadRows>>[number];

const loadRows = (key: RecipientKey, now: Date) =>
  getDb().notification.findMany({ where: { ...key, mailState: "queued", mailDueAt: { lte: now } }, orderBy: { createdAt: "asc" }, select: rowSelect });

export type DueRow = Row & { sendable: (standing: RecipientStanding) => boolean };

/** Only a comment everyone may read is mailed about: a hidden, pending or deleted one tells no one. */
function isVisible(row: Row, now: Date): boolean {
  const { comment, article } = row;
  if (!comment || comment.status !== "published" || comment.deletedAt) return false;
  return article.status === "published" && article.publishedAt !== null && article.publishedAt <= now;
}

export async function dueRows(key: RecipientKey, now: Date): Promise<DueRow[]> {
  const rows = await loadRows(key, now);
  return rows.map((row) => ({ ...row, sendable: (standing) => isVisible(row, now) && mayMail(standing, row.kind) }));
}

export function itemOf(row: Row): MailItem {
  const c = row.comment!;
  const author = c.author ? (c.author.deletedAt ? DELETED_USER_NAME : c.author.name) : c.anonName || ANONYMOUS_NAME;
  return {
    kind: row.kind === "reply" ? "reply" : "followed",
    commentId: c.id,
    author,
    subject: c.subject,
    excerpt: excerptOf(c.body, EXCERPT_LENGTH),
    articleId: row.articleId,
    articleTitle: row.article.title,
  };
}

const MODES = new Set<MailMode>(["instant", "digest", "never"]);
const unreachable: RecipientStanding = { kind: "member", reachable: false, mode: "never", notifyReplies: false, notifyFollowed: false };

/**
 * Where the recipient stands now, and (when mail may go) how to address them: a member's
 * unsubscribe token is made only when a first mail needs it.
 */
export async function recipientStanding(key: RecipientKey): Promise<{ standing: RecipientStanding; to: (() => Promise<MailRecipient>) | null }> {
  const db = getDb();
  if ("userId" in key) {
    const user = await db.user.findUnique({
      where: { id: key.userId },
      select: { email: true, emailVerifiedAt: true, deletedAt: true, bannedAt: true, notifyReplies: true, notifyFollowed: true, notifyMailMode: true },
    });
    if (!user) return { standing: unreachable, to: null };
    const mode = MODES.has(user.notifyMailMode as MailMode) ? (user.notifyMailMode as MailMode) : "instant";
    const reachable = user.emailVerifiedAt !== null && !user.deletedAt && !user.bannedAt;
    const standing: RecipientStanding = { kind: "member", reachable, mode, notifyReplies: user.notifyReplies, notifyFollowed: user.notifyFollowed };
    return { standing, to: async () => ({ kind: "member", email: user.email, token: await memberNotifyToken(key.userId) }) };
  }
  const address = await db.mailAddress.findUnique({ where: { id: key.mailAddressId }, select: { email: true, confirmedAt: true, stoppedAt: true, unsubscribeToken: true } });
  if (!address) return { standing: { ...unreachable, kind: "address" }, to: null };
  // An anonymous address has no settings: it hears of every reply at once, until it stops all mail.
  const standing: RecipientStanding = { kind: "address", reachable: address.confirmedAt !== null && !address.stoppedAt, mode: "instant", notifyReplies: true, notifyFollowed: true };
  return { standing, to: async () => ({ kind: "address", email: address.email, token: address.unsubscribeToken }) };
}
