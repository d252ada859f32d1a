// Abuse guards for new comments: flood limits and duplicate detection, both checked inside the
// comment's own transaction (lib/comments/mutations.ts), so simultaneous posts cannot all slip
// under them and a refused or failed post takes no slot. What counts per address counts
// per network too (IPv4 /24, IPv6 /64), with room for a few neighbours: a poster who changes the
// last part of their address is still one network.
import type { Tx } from "../db";
import { FieldError, RateLimitedError } from "../errors";
import type { LimitCheck } from "../rate-limit";
import { countFailedAttempt, takeSlotsIn } from "../rate-limit-tx";
import type { SiteSettings } from "../settings/defaults";

/** `network`: the poster's network, or their address when it is none we can read (lib/request.ts). */
export type PosterKeys = { userId?: string; visitorId: string; ip: string; network: string; isAnonymous: boolean };

const DUPLICATE_WINDOW_MS = 5 * 60_000;
/** A network may post this many times what one address may. */
export const NETWORK_LIMIT_FACTOR = 3;

function tooFast(ms: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return new RateLimitedError(`You are posting too fast. Please wait ${wait} and try again; your comment is still here.`, ms);
}

function floodChecks(poster: PosterKeys, settings: SiteSettings): LimitCheck[] {
  const checks: LimitCheck[] = [];
  if (settings.commentIntervalSeconds > 0) {
    const windowMs = settings.commentIntervalSeconds * 1000;
    checks.push({ key: `comment-interval:ip:${poster.ip}`, limit: 1, windowMs });
    checks.push({ key: `comment-interval:net:${poster.network}`, limit: NETWORK_LIMIT_FACTOR, windowMs });
    checks.push({ key: poster.userId ? `comment-interval:user:${poster.userId}` : `comment-interval:visitor:${poster.visitorId}`, limit: 1, windowMs });
  }
  if (poster.isAnonymous) {
    const hour = { limit: settings.anonymousCommentsPerHour, windowMs: 3600_000 };
    checks.push({ key: `comment-hour:visitor:${poster.visitorId}`, ...hour }, { key: `comment-hour:ip:${poster.ip}`, ...hour });
    checks.push({ key: `comment-hour:net:${poster.network}`, limit: hour.limit * NETWORK_LIMIT_FACTOR, windowMs: hour.windowMs });
  }
  return checks;
}

export async function enforceFloodLimits(tx: Tx, poster: PosterKeys, settings: SiteSettings, now = Date.now()): Promise<void> {
  const checks = floodChecks(poster, settings);
  if (checks.length === 0) return;
  const decision = await takeSlotsIn(tx, checks, now);
  if (!decision.allowed) throw tooFast(decision.retryAfterMs);
}

/** A post that failed after passing the limits inside its transaction counts all the same. */
export async function countFailedFlood(poster: PosterKeys, settings: SiteSettings, now = Date.now()): Promise<void> {
  await countFailedAttempt(floodChecks(poster, settings), now);
}

export async function refuseDuplicate(tx: Tx, poster: PosterKeys, articleId: string, body: string, now = Date.now()): Promise<void> {
  const since = new Date(now - DUPLICATE_WINDOW_MS);
  const recent = { articleId, body, createdAt: { gt: since } };
  // An anonymous poster is caught by their cookie, or without it by their network. Each side of
  // the OR names the article and the time itself, so each is read from its own index (visitor or
  // network, then article and time); with the article outside the OR, SQLite's planner (without
  // table statistics) read every comment of the article's last five minutes instead.
  const where = poster.userId
    ? { authorId: poster.userId, ...recent }
    : { OR: [{ visitorKey: poster.visitorId }, ...(poster.network === "unknown" ? [] : [{ network: poster.network }])].map((who) => ({ authorId: null, ...who, ...recent })) };
  const duplicate = await tx.comment.findFirst({ where, select: { id: true } });
  if (duplicate) throw new FieldError("body", "You posted this same comment a moment ago; it is already in the thread.");
}

/** Links in a comment's Markdown source: written links and bare addresses alike. */
export function countLinks(body: string): number {
  return (body.match(/\b(?:https?:\/\/|www\.)/gi) ?? []).length;
}
