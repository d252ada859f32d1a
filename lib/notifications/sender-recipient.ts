// One recipient's due mail, decided at send time (preferences, a verified address, the comment
// still visible, the hourly limit, the digest's day) and sent at most once: the rows are claimed
// ("sending") by a conditional write before the mail goes, and marked "sent" after.
import "server-only";
import { randomUUID } from "node:crypto";
import { withPublicSubjects } from "../comments/queries";
import { getDb } from "../db";
import type { MailMessage } from "../mail/send";
import { sendMail } from "../mail/send";
import { digestDueAt, instantDueAt, INSTANT_WINDOW_MS, retryAt } from "./mail-policy";
import type { MailItem, MailRecipient } from "./mails";
import { digestMail, discussionMail } from "./mails";
import { dueRows, itemOf, recipientStanding, type DueRow, type RecipientKey } from "./sender-rows";

export type DrainCounts = { mails: number; sent: number; skipped: number; deferred: number; failed: number; lost: number; busy: number };

export const emptyCounts = (): DrainCounts => ({ mails: 0, sent: 0, skipped: 0, deferred: 0, failed: 0, lost: 0, busy: 0 });

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

async function markSkipped(rows: DueRow[], counts: DrainCounts) {
  if (rows.length === 0) return;
  const { count } = await getDb().notification.updateMany({ where: { id: { in: ids(rows) }, mailState: "queued" }, data: { mailState: "skipped" } });
  counts.skipped += count;
}

async function defer(rows: DueRow[], until: Date, counts: DrainCounts) {
  const { count } = await getDb().notification.updateMany({ where: { id: { in: ids(rows) }, mailState: "queued" }, data: { mailDueAt: until } });
  counts.deferred += count;
}

/** When the last mail to this recipient went: about one discussion, or about anything. */
async function lastSentAt(key: RecipientKey, since: Date, articleId?: string): Promise<Date | null> {
  const row = await getDb().notification.findFirst({
    where: { ...key, ...(articleId ? { articleId } : {}), mailState: "sent", mailSentAt: { gt: since } },
    orderBy: { mailSentAt: "desc" },
    select: { mailSentAt: true },
  });
  return row?.mailSentAt ?? null;
}

/** Claim → send → mark. A failure puts the rows back with a later due time, or gives them up. */
async function deliver(key: RecipientKey, to: MailRecipient, rows: DueRow[], compose: (items: MailItem[]) => MailMessage, now: Date, counts: DrainCounts) {
  const db = getDb();
  // What the mail says is worked out before the claim: nothing may fail between claim and send.
  // A reply's "Re: <title>" of a hidden comment is not given away (as everywhere outside a thread).
  const items = await withPublicSubjects(rows.map(itemOf), (item) => item.articleId);
  const claim = randomUUID();
  const { count } = await db.notification.updateMany({
    where: { id: { in: ids(rows) }, mailState: "queued" },
    data: { mailState: "sending", mailClaim: claim, mailClaimedAt: now },
  });
  if (count === 0) return;
  // Fewer than asked for: another sender took some first (the lock makes that rare); send only ours.
  const ours = count === rows.length ? null : new Set(ids(await db.notification.findMany({ where: { mailClaim: claim }, select: { id: true } })));
  const claimed = ours ? rows.filter((r) => ours.has(r.id)) : rows;
  try {
    await sendMail(compose(items.filter((_, i) => claimed.includes(rows[i]))));
  } catch (error) {
    const attempts = Math.max(...claimed.map((r) => r.mailAttempts)) + 1;
    const next = retryAt(attempts, now);
    await db.notification.updateMany({
      where: { mailClaim: claim, mailState: "sending" },
      data: next ? { mailState: "queued", mailAttempts: attempts, mailDueAt: next, mailClaim: null, mailClaimedAt: null } : { mailState: "failed", mailAttempts: attempts },
    });
    const who = "userId" in key ? `u:${key.userId}` : `m:${key.mailAddressId}`;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[notifications] mail to ${who} failed (attempt ${attempts}, ${next ? `retry at ${next.toISOString()}` : "given up"}): ${reason}`);
    counts.failed += claimed.length;
    return;
  }
  const sent = await db.notification.updateMany({ where: { mailClaim: claim, mailState: "sending" }, data: { mailState: "sent", mailSentAt: now } });
  counts.mails += 1;
  counts.sent += sent.count;
}

/** Everything due for one recipient; the caller holds the recipient's MailLock. */
export async function mailRecipient(key: RecipientKey, now: Date, counts: DrainCounts): Promise<void> {
  const rows = await dueRows(key, now);
  if (rows.length === 0) return;
  const { standing, to } = await recipientStanding(key);
  const sendable = rows.filter((r) => r.sendable(standing));
  await markSkipped(rows.filter((r) => !sendable.includes(r)), counts);
  if (sendable.length === 0 || !to) return;
  const recipient = await to();

  if (standing.mode === "digest") {
    const oldest = sendable[0].createdAt;
    const dueAt = digestDueAt(oldest, await lastSentAt(key, new Date(now.getTime() - 24 * 60 * 60_000)), now);
    if (dueAt) return defer(sendable, dueAt, counts);
    return deliver(key, recipient, sendable, (items) => digestMail(recipient, items), now, counts);
  }
  // Instant: one mail per discussion, and at most one an hour about each.
  const byArticle = new Map<string, DueRow[]>();
  for (const row of sendable) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row]);
  for (const [articleId, group] of byArticle) {
    const dueAt = instantDueAt(await lastSentAt(key, new Date(now.getTime() - INSTANT_WINDOW_MS), articleId), now);
    if (dueAt) await defer(group, dueAt, counts);
    else await deliver(key, recipient, group, (items) => discussionMail(recipient, items), now, counts);
  }
}
