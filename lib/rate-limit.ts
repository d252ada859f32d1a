// Fixed-window counters kept in the database, so every app instance sharing it sees the same
// counts and nothing extra has to run on a fresh machine. A window is one row keyed by its start
// time, so a hit is a single upsert: concurrent hits are all counted.
import { getDb } from "./db";

export type LimitState = { count: number; resetAt: Date };

function windowOf(key: string, windowMs: number, now = Date.now()) {
  const start = Math.floor(now / windowMs) * windowMs;
  return { bucket: `${key}@${start}`, resetAt: new Date(start + windowMs) };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/** Adds one to the key's current window and returns the new state. */
export async function hitLimit(key: string, windowMs: number): Promise<LimitState> {
  const db = getDb();
  const { bucket, resetAt } = windowOf(key, windowMs);
  // Expired windows are swept now and then rather than on every hit.
  if (Math.random() < 0.02) await db.rateLimitBucket.deleteMany({ where: { resetAt: { lt: new Date() } } });
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.rateLimitBucket.upsert({
        where: { key: bucket },
        create: { key: bucket, count: 1, resetAt },
        update: { count: { increment: 1 } },
        select: { count: true, resetAt: true },
      });
    } catch (error) {
      // Two first hits of a window can race to create the row; the loser just increments it.
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** The key's count in the current window, without adding to it. */
export async function peekLimit(key: string, windowMs: number): Promise<LimitState> {
  const { bucket, resetAt } = windowOf(key, windowMs);
  const row = await getDb().rateLimitBucket.findUnique({ where: { key: bucket }, select: { count: true } });
  return { count: row?.count ?? 0, resetAt };
}

/** Milliseconds until the key may be used again, or 0 while it is under its limit. */
export async function blockedFor(key: string, limit: number, windowMs: number): Promise<number> {
  const state = await peekLimit(key, windowMs);
  return state.count < limit ? 0 : Math.max(1, state.resetAt.getTime() - Date.now());
}

export async function clearLimit(key: string): Promise<void> {
  await getDb().rateLimitBucket.deleteMany({ where: { key: { startsWith: `${key}@` } } });
}
