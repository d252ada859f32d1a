// Rate limits kept in the database, so every app instance sharing it sees the same counts and
// nothing extra has to run on a fresh machine.
//
// A key allowed `limit` events per window owns `limit` numbered slots; an event takes a slot
// that is free (never used, or its last event is a full window old) and holds it for a window.
// So no window of that length can ever hold more than `limit` events, wherever the clock's
// seconds fall (fixed windows let a second burst through at each boundary). A slot is taken by
// one conditional write (an insert, or an update guarded by "still expired"), which both SQLite
// and PostgreSQL apply atomically: of two requests racing for a slot, exactly one gets it.
import { getDb, isUniqueViolation } from "./db";

export type LimitCheck = { key: string; limit: number; windowMs: number };
export type LimitDecision = { allowed: boolean; retryAfterMs: number };

type Taken = { key: string; slot: number; expiresAt: Date; previous: Date | null };

async function slotsOf(key: string): Promise<Map<number, Date>> {
  const rows = await getDb().rateLimitSlot.findMany({ where: { key }, select: { slot: true, expiresAt: true } });
  return new Map(rows.map((r) => [r.slot, r.expiresAt]));
}

/**
 * The slots free at `now` in random order (requests sent at once then try different slots), or,
 * when every slot is held, how long until the first frees up. Never more than a window: a request
 * that read the clock before the one that took the last slot would otherwise count that one's lead
 * as wait (Retry-After 16 on a 15-second limit); by the time it answers, that slot is already
 * less than a window from free.
 */
export function freeSlots(slots: Map<number, Date>, check: LimitCheck, now: number): { free: number[]; waitMs: number } {
  const free: number[] = [];
  let soonest = Infinity;
  for (let slot = 0; slot < check.limit; slot++) {
    const expiresAt = slots.get(slot)?.getTime();
    if (expiresAt === undefined || expiresAt <= now) free.push(slot);
    else soonest = Math.min(soonest, expiresAt);
  }
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [free[i], free[j]] = [free[j], free[i]];
  }
  return { free, waitMs: free.length > 0 ? 0 : Math.min(Math.max(1, soonest - now), check.windowMs) };
}

/** Tries one slot with a single conditional write; true when this request got it. */
async function tryTake(check: LimitCheck, slot: number, previous: Date | null, expiresAt: Date, now: number): Promise<boolean> {
  const db = getDb();
  if (!previous) {
    try {
      await db.rateLimitSlot.create({ data: { key: check.key, slot, expiresAt } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false; // another request took this one first
      throw error;
    }
  }
  const { count } = await db.rateLimitSlot.updateMany({
    where: { key: check.key, slot, expiresAt: { lte: new Date(now) } },
    data: { expiresAt },
  });
  return count === 1;
}

// A burst of requests for one key all read the same free slots at once. Trying them in one fixed
// order made every request race for slot 0, then slot 1…: a burst of n cost about n² writes and
// held the connection pool long enough to slow unrelated requests. In random order most requests
// win their first try; after a few misses the request reads the slots again rather than trying
// ones that were taken meanwhile.
const TRIES_BEFORE_REREAD = 3;

/** Takes a free slot for one event, or returns how long until one frees up. */
async function takeOne(check: LimitCheck, now: number): Promise<Taken | { retryAfterMs: number }> {
  const expiresAt = new Date(now + check.windowMs);
  for (;;) {
    const slots = await slotsOf(check.key);
    const { free, waitMs } = freeSlots(slots, check, now);
    if (free.length === 0) return { retryAfterMs: waitMs };
    for (const slot of free.slice(0, TRIES_BEFORE_REREAD)) {
      const previous = slots.get(slot) ?? null;
      if (await tryTake(check, slot, previous, expiresAt, now)) return { key: check.key, slot, expiresAt, previous };
    }
  }
}

/** Gives a slot back as it was, unless something else has taken it since. */
async function giveBack(taken: Taken): Promise<void> {
  const where = { key: taken.key, slot: taken.slot, expiresAt: taken.expiresAt };
  if (taken.previous) await getDb().rateLimitSlot.updateMany({ where, data: { expiresAt: taken.previous } });
  else await getDb().rateLimitSlot.deleteMany({ where });
}

/** Also called before a write that takes its slots inside its own transaction (rate-limit-tx.ts). */
export async function sweepNowAndThen(now = Date.now()): Promise<void> {
  // Expired slots are as good as free, so they are only cleared in passing to keep the table small.
  if (Math.random() < 0.02) await getDb().rateLimitSlot.deleteMany({ where: { expiresAt: { lte: new Date(now - 60_000) } } });
}

async function takeAll(checks: LimitCheck[], now: number): Promise<{ taken: Taken[]; retryAfterMs: number | null }> {
  await sweepNowAndThen(now);
  const results = await Promise.all(checks.map((check) => takeOne(check, now)));
  const taken = results.filter((r): r is Taken => "slot" in r);
  const refusals = results.filter((r): r is { retryAfterMs: number } => "retryAfterMs" in r);
  if (refusals.length === 0) return { taken, retryAfterMs: null };
  await Promise.all(taken.map(giveBack));
  return { taken: [], retryAfterMs: Math.max(...refusals.map((r) => r.retryAfterMs)) };
}

/**
 * Counts one event against every check, or against none: when any check is full, the slots
 * taken for the others are given back, so a refused attempt costs nothing and the stated wait
 * stays true. `now` is the clock (tests move it instead of sleeping).
 */
export async function takeSlots(checks: LimitCheck[], now = Date.now()): Promise<LimitDecision> {
  const { retryAfterMs } = await takeAll(checks, now);
  return retryAfterMs === null ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs };
}

export type Reservation = { allowed: true; release: () => Promise<void> } | { allowed: false; retryAfterMs: number };

/**
 * Takes the slots before an attempt whose outcome is not known yet (a password check), and
 * lets the caller give them back if it turns out not to count. Checking first and counting
 * after would let every attempt sent at once pass the check before any of them was counted.
 */
export async function reserveSlots(checks: LimitCheck[], now = Date.now()): Promise<Reservation> {
  const { taken, retryAfterMs } = await takeAll(checks, now);
  if (retryAfterMs !== null) return { allowed: false, retryAfterMs };
  return { allowed: true, release: async () => void (await Promise.all(taken.map(giveBack))) };
}

/** Events counted for the key within their window. */
export async function liveCount(key: string, now = Date.now()): Promise<number> {
  return getDb().rateLimitSlot.count({ where: { key, expiresAt: { gt: new Date(now) } } });
}

export async function clearLimit(key: string): Promise<void> {
  await getDb().rateLimitSlot.deleteMany({ where: { key } });
}

/** Clears every key that starts with `prefix` (e.g. one email's failures from every network). */
export async function clearLimitsStartingWith(prefix: string): Promise<void> {
  await getDb().rateLimitSlot.deleteMany({ where: { key: { startsWith: prefix } } });
}
