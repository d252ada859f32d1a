// Abuse guards for new comments: flood limits and duplicate detection. Limits are hit before
// the write, so simultaneous posts cannot all slip under them.
import { getDb } from "../db";
import { FieldError, RateLimitedError } from "../errors";
import { takeSlots, type LimitCheck } from "../rate-limit";
import type { SiteSettings } from "../settings/defaults";

export type PosterKeys = { userId?: string; visitorId: string; ip: string; isAnonymous: boolean };

const DUPLICATE_WINDOW_MS = 5 * 60_000;

function tooFast(ms: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return new RateLimitedError(`You are posting too fast. Please wait ${wait} and try again; your comment is still here.`, ms);
}

export async function enforceFloodLimits(poster: PosterKeys, settings: SiteSettings): Promise<void> {
  const checks: LimitCheck[] = [];
  if (settings.commentIntervalSeconds > 0) {
    const windowMs = settings.commentIntervalSeconds * 1000;
    checks.push({ key: `comment-interval:ip:${poster.ip}`, limit: 1, windowMs });
    checks.push({ key: poster.userId ? `comment-interval:user:${poster.userId}` : `comment-interval:visitor:${poster.visitorId}`, limit: 1, windowMs });
  }
  if (poster.isAnonymous) {
    const hour = { limit: settings.anonymousCommentsPerHour, windowMs: 3600_000 };
    checks.push({ key: `comment-hour:visitor:${poster.visitorId}`, ...hour }, { key: `comment-hour:ip:${poster.ip}`, ...hour });
  }
  if (checks.length === 0) return;
  const decision = await takeSlots(checks);
  if (!decision.allowed) throw tooFast(decision.retryAfterMs);
}

export async function refuseDuplicate(poster: PosterKeys, articleId: string, body: string): Promise<void> {
  const since = new Date(Date.now() - DUPLICATE_WINDOW_MS);
  const who = poster.userId ? { authorId: poster.userId } : { visitorKey: poster.visitorId, authorId: null };
  const duplicate = await getDb().comment.findFirst({ where: { ...who, articleId, body, createdAt: { gt: since } }, select: { id: true } });
  if (duplicate) throw new FieldError("body", "You posted this same comment a moment ago; it is already in the thread.");
}

/** Links in a comment's Markdown source: written links and bare addresses alike. */
export function countLinks(body: string): number {
  return (body.match(/\b(?:https?:\/\/|www\.)/gi) ?? []).length;
}
