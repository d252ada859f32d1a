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

/** Milliseconds until one of the key's slots frees up, or 0 when one is free now. */
function waitForSlot(slots: Map<number, Date>, limit: number, now: number): number {
  let soonest = Infinity;
  for (let slot = 0; slot < limit; slot++) {
    const expiresAt = slots.get(slot)?.getTime();
    if (expiresAt === undefined || expiresAt <= now) return 0;
    soonest = Math.min(soonest, expiresAt);
  }
  return Math.max(1, soonest - now);
}

/** Takes a free slot for one event, or returns how long until one frees up. */
async function takeOne(check: LimitCheck, now: number): Promise<Taken | { retryAfterMs: number }> {
  const db = getDb();
  const slots = await slotsOf(check.key);
  const expiresAt = new Date(now + check.windowMs);
  for (let slot = 0; slot < check.limit; slot++) {
    const previous = slots.get(slot) ?? null;
    if (previous && previous.getTime() > now) continue;
    if (!previous) {
      try {
        await db.rateLimitSlot.create({ data: { key: check.key, slot, expiresAt } });
        return { key: check.key, slot, expiresAt, previous };
      } catch (error) {
        if (isUniqueViolation(error)) continue; // another request took this one first
        throw error;
      }
    }
    const { count } = await db.rateLimitSlot.updateMany({
      where: { key: check.key, slot, expiresAt: { lte: new Date(now) } },
      data: { expiresAt },
    });
    if (count === 1) return { key: check.key, slot, expiresAt, previous };
  }
  // Every slot is held (some perhaps just now by racing requests): read them again for the wait.
  return { retryAfterMs: Math.max(1, waitForSlot(await slotsOf(check.key), check.limit, now)) };
}

/** Gives a slot back as it was, unless something else has taken it since. */
async function giveBack(taken: Taken): Promise<void> {
  const where = { key: taken.key, slot: taken.slot, expiresAt: taken.expiresAt };
  if (taken.previous) await getDb().rateLimitSlot.updateMany({ where, data: { expiresAt: taken.previous } });
  else await getDb().rateLimitSlot.deleteMany({ where });
}

async function sweepNowAndThen(now: number): Promise<void> {
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
