// Sending the daily digest: the articles readers could see that were published on one UTC day,
// to every confirmed subscriber, once.
//
// "Once" rests on the database, not on the script being run once. The day's NewsletterIssue row
// is unique by day, and each (issue, subscriber) NewsletterDelivery row is inserted, as a claim,
// *before* that subscriber's mail is sent. The primary key lets exactly one insert win, so two
// runs at the same time (or a second run later) never both send to the same person: the loser
// of a claim skips that subscriber. If sending fails, the claim is deleted again so a later run
// retries. If the process dies between claim and send, that subscriber misses this one issue:
// we prefer at-most-once to the alternative (send, then record), where a crash after sending
// means a duplicate mail for every re-run. `sentAt` is therefore the time of the claim.
import { getDb, isUniqueViolation } from "../db";
import { FieldError } from "../errors";
import { sendMail } from "../mail/send";
import { digestMail } from "./digest-mail";
import { listDigestArticles, listUndeliveredSubscribers, type DigestArticle, type DigestRecipient } from "./queries";
import { DigestDay } from "./schemas";

const DAY = 24 * 60 * 60_000;
const BATCH = 200;

export const utcDayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The default digest day: yesterday in UTC, the last day that is over. */
export const previousUtcDay = (now = new Date()) => utcDayOf(new Date(now.getTime() - DAY));

export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00.000Z`);
  return { start, end: new Date(start.getTime() + DAY) };
}

/** `sent` by this run, `skipped` (claimed by a concurrent run), `failed`; `delivered`: the issue's recipients in all, every run counted. */
export type DigestResult = { day: string; articles: number; sent: number; skipped: number; failed: number; delivered: number };


/**
 * Sends the digest of `day` (default: yesterday, UTC). Only a day that is over can be sent, so
 * an issue never misses articles published later that day. A day without articles sends
 * nothing and records nothing.
 */
export async function sendDailyDigest({ day, now = new Date() }: { day?: string; now?: Date } = {}): Promise<DigestResult> {
  const parsed = DigestDay.safeParse(day ?? previousUtcDay(now));
  if (!parsed.success) throw new FieldError("day", parsed.error.issues[0].message);
  const theDay = parsed.data;
  const { start, end } = dayBounds(theDay);
  if (end.getTime() > now.getTime()) throw new FieldError("day", `${theDay} is not over yet (UTC): a day's digest can be sent once the day has ended.`);
  const result: DigestResult = { day: theDay, articles: 0, sent: 0, skipped: 0, failed: 0, delivered: 0 };
  const articles = await listDigestArticles(start, end, now);
  result.articles = articles.length;
  if (articles.length === 0) return result;
  const issueId = await issueFor(theDay);
  // Failed deliveries are released and would be listed again: the cursor moves past them.
  for (let afterId: string | null = null; ; ) {
    const batch = await listUndeliveredSubscribers(issueId, afterId, BATCH);
    if (batch.length === 0) break;
    for (const recipient of batch) result[await deliver(issueId, theDay, articles, recipient)]++;
    afterId = batch[batch.length - 1].id;
  }
  result.delivered = await getDb().newsletterDelivery.count({ where: { issueId } });
  return result;
}

/** The day's issue, created by whichever run gets there first. */
async function issueFor(day: string): Promise<string> {
  const db = getDb();
  try {
    return (await db.newsletterIssue.create({ data: { day }, select: { id: true } })).id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await db.newsletterIssue.findUniqueOrThrow({ where: { day }, select: { id: true } })).id;
  }
}

/** Claim, then send (see the top of this file). */
async function deliver(issueId: string, day: string, articles: DigestArticle[], recipient: DigestRecipient): Promise<"sent" | "skipped" | "failed"> {
  const db = getDb();
  const key = { issueId, subscriberId: recipient.id };
  try {
    await db.newsletterDelivery.create({ data: key });
  } catch (error) {
    if (isUniqueViolation(error)) return "skipped"; // another run has it
    throw error;
  }
  try {
    await sendMail(digestMail(day, articles, recipient));
    return "sent";
  } catch (error) {
    console.error(`[newsletter] digest ${day} to subscriber ${recipient.id} failed: ${(error as Error).message}`);
    await db.newsletterDelivery.deleteMany({ where: key });
    return "failed";
  }
}
