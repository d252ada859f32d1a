// When a notification mail may go out: the rules the sender applies at send time, kept apart from
// the database so each can be read (and tested) on its own. Times are UTC throughout.

/** How long a sender holds a recipient's lock, and how long a claimed row may stay "sending". */
export const SENDER_LEASE_MS = 5 * 60_000;

/** Instant mode: at most one mail per recipient per discussion in this window. */
export const INSTANT_WINDOW_MS = 60 * 60_000;

/** Waits after the 1st, 2nd, … failed attempt; after the last one the rows are given up. */
export const RETRY_BACKOFF_MS = [1, 5, 30, 120, 720].map((minutes) => minutes * 60_000);
export const MAX_MAIL_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

/** A digest lists this many items; the rest are counted ("and 150 more") and are on /notifications. */
export const DIGEST_LISTED_ITEMS = 50;

export type MailMode = "instant" | "digest" | "never";

export type RecipientStanding = {
  kind: "member" | "address";
  /** Member: verified, not deleted or banned. Address: confirmed and not stopped. */
  reachable: boolean;
  mode: MailMode;
  notifyReplies: boolean;
  notifyFollowed: boolean;
};

/** Whether a row of this kind may be mailed to this recipient at all (else it is skipped). */
export function mayMail(standing: RecipientStanding, kind: string): boolean {
  if (!standing.reachable || standing.mode === "never") return false;
  if (kind === "reply") return standing.notifyReplies;
  if (kind === "followed") return standing.notifyFollowed;
  return false;
}

/** Instant mode: when the next mail about a discussion may go, given the last one sent about it. */
export function instantDueAt(lastSentAt: Date | null, now: Date): Date | null {
  if (!lastSentAt) return null;
  const next = new Date(lastSentAt.getTime() + INSTANT_WINDOW_MS);
  return next > now ? next : null;
}

const startOfUtcDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
const nextUtcDay = (t: Date) => new Date(startOfUtcDay(t).getTime() + 24 * 60 * 60_000);

/**
 * Digest mode: one mail per UTC day at most, sent once the UTC day of its oldest item is over
 * (so a day's replies arrive together the next morning, UTC), listing every item due by then.
 * Returns null when it may go now, else when it may. A digest already sent today (a late
 * retry, or a mode switched back and forth) pushes the next one to tomorrow.
 */
export function digestDueAt(oldestItemAt: Date, lastDigestAt: Date | null, now: Date): Date | null {
  const dueAt = nextUtcDay(oldestItemAt);
  if (dueAt > now) return dueAt;
  if (lastDigestAt && lastDigestAt >= startOfUtcDay(now)) return nextUtcDay(now);
  return null;
}

/** After a failed attempt (1 = the first): when to try again, or null to give up. */
export function retryAt(attempts: number, now: Date): Date | null {
  const wait = RETRY_BACKOFF_MS[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}
