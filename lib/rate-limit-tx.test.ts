// Slots taken inside a write's own transaction hold the same limits as lib/rate-limit.ts, under
// concurrency too (on PostgreSQL, transactions racing for one slot), and cost nothing when the
// write is refused or fails.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "./db";
import { liveCount, takeSlots } from "./rate-limit";
import { takeSlotsIn } from "./rate-limit-tx";

const key = () => `test:${randomUUID()}`;
const inTransaction = (checks: Parameters<typeof takeSlotsIn>[1], now?: number) => getDb().$transaction((tx) => takeSlotsIn(tx, checks, now));

describe("rate limits inside a transaction", () => {
  it("lets no more than the limit through when writes arrive at once", async () => {
    const check = { key: key(), limit: 3, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => inTransaction([check])));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(await liveCount(check.key)).toBe(3);
  });

  it("reuses a slot whose window is over, and shares the slots with takeSlots outside a transaction", async () => {
    const check = { key: key(), limit: 1, windowMs: 1_000 };
    const start = Date.now();
    expect((await takeSlots([check], start)).allowed).toBe(true);
    expect(await inTransaction([check], start + 999)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect((await inTransaction([check], start + 1_000)).allowed).toBe(true);
    expect((await takeSlots([check], start + 1_500)).allowed).toBe(false);
  });

  it("takes nothing when the write fails after taking its slots, or when one check is full", async () => {
    const roomy = { key: key(), limit: 5, windowMs: 60_000 };
    const full = { key: key(), limit: 1, windowMs: 60_000 };
    await expect(
      getDb().$transaction(async (tx) => {
        await takeSlotsIn(tx, [roomy]);
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await liveCount(roomy.key)).toBe(0);
    expect((await inTransaction([full])).allowed).toBe(true);
    const refused = await inTransaction([roomy, full]);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(59_000);
    // The caller throws on a refusal and the transaction rolls back; here it committed, and still
    // a refusal takes no slot for the check that had room, since slots are written only when all have room.
    expect(await liveCount(roomy.key)).toBe(0);
  });
});
