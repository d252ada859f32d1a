// Rate-limit slots taken inside the write they limit (a comment, a vote), with the same slots
// and rules as lib/rate-limit.ts. One read finds every key's slots and as few writes as can be
// take them; a refusal, or any failure of the write, rolls the whole transaction back, so nothing
// is given back by hand and a refused attempt costs nothing. On SQLite the transaction holds the
// write lock, so what it read is still true when it writes. On PostgreSQL two transactions may
// read the same free slot: the insert skips a slot taken meanwhile and the update is guarded by
// "still expired", so the loser sees it missed and reads that key again.
import { getDb, type Tx } from "./db";
import { databaseKind } from "./env";
import { freeSlots, type LimitCheck, type LimitDecision } from "./rate-limit";

type Slot = { key: string; slot: number; expiresAt: Date };

async function slotsByKey(tx: Tx, keys: string[]): Promise<Map<string, Map<number, Date>>> {
  const rows = await tx.rateLimitSlot.findMany({ where: { key: { in: keys } }, select: { key: true, slot: true, expiresAt: true } });
  const byKey = new Map<string, Map<number, Date>>(keys.map((key) => [key, new Map()]));
  for (const row of rows) byKey.get(row.key)?.set(row.slot, row.expiresAt);
  return byKey;
}

/** Inserts never-used slots; returns the keys whose slot another transaction took first. */
async function insertSlots(tx: Tx, slots: Slot[]): Promise<string[]> {
  if (slots.length === 0) return [];
  if (databaseKind() === "sqlite") {
    await tx.rateLimitSlot.createMany({ data: slots });
    return [];
  }
  // PostgreSQL: ON CONFLICT DO NOTHING, so a slot taken meanwhile does not abort the transaction.
  const insert = tx.rateLimitSlot.createManyAndReturn as unknown as (args: object) => Promise<{ key: string }[]>;
  const inserted = new Set((await insert({ data: slots, skipDuplicates: true, select: { key: true } })).map((r) => r.key));
  return slots.filter((s) => !inserted.has(s.key)).map((s) => s.key);
}

/** Takes a slot for one event under every check, or none; `now` is the clock. */
export async function takeSlotsIn(tx: Tx, checks: LimitCheck[], now = Date.now()): Promise<LimitDecision> {
  let pending = checks;
  while (pending.length > 0) {
    const byKey = await slotsByKey(tx, pending.map((c) => c.key));
    const fresh: Slot[] = [];
    const reused: (Slot & { previous: Date })[] = [];
    let waitMs = 0;
    for (const check of pending) {
      const slots = byKey.get(check.key)!;
      const { free, waitMs: wait } = freeSlots(slots, check, now);
      if (free.length === 0) waitMs = Math.max(waitMs, wait);
      else {
        const previous = slots.get(free[0]);
        const slot = { key: check.key, slot: free[0], expiresAt: new Date(now + check.windowMs) };
        if (previous) reused.push({ ...slot, previous });
        else fresh.push(slot);
      }
    }
    if (waitMs > 0) return { allowed: false, retryAfterMs: waitMs };
    const missed = new Set(await insertSlots(tx, fresh));
    for (const s of reused) {
      const { count } = await tx.rateLimitSlot.updateMany({ where: { key: s.key, slot: s.slot, expiresAt: { lte: new Date(now) } }, data: { expiresAt: s.expiresAt } });
      if (count === 0) missed.add(s.key);
    }
    pending = pending.filter((c) => missed.has(c.key));
  }
  return { allowed: true, retryAfterMs: 0 };
}

/**
 * A write whose transaction failed after its limits had room (a repeated vote, a comment that
 * has gone, one's own comment) rolled its slots back with it; the attempt still counts, as it
 * did when limits were taken before the write, so a script repeating a refused request is limited
 * all the same. Taken in a transaction of its own, as every write of these keys is (on SQLite a
 * write outside one could slip between another's read and write); a refusal then is what the
 * caller answers.
 */
export async function countFailedAttempt(checks: LimitCheck[] | undefined, now = Date.now()): Promise<LimitDecision> {
  if (!checks?.length) return { allowed: true, retryAfterMs: 0 };
  return getDb().$transaction((tx) => takeSlotsIn(tx, checks, now));
}
