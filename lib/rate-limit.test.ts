import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clearLimit, liveCount, reserveSlots, takeSlots } from "./rate-limit";

const key = () => `test:${randomUUID()}`;

describe("rate limits", () => {
  it("refuses a second event inside the window however the clock's seconds fall, and says how long to wait", async () => {
    const check = { key: key(), limit: 1, windowMs: 1500 };
    // The first event just before a clock-aligned second, the next 700 ms later, past it.
    const start = Math.ceil(Date.now() / 1000) * 1000 - 200;
    expect((await takeSlots([check], start)).allowed).toBe(true);
    const refused = await takeSlots([check], start + 700);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 800 });
    // A refused attempt is not counted, so waiting the stated time is enough, and a moment less is not.
    expect((await takeSlots([check], start + 700 + refused.retryAfterMs - 1)).allowed).toBe(false);
    expect((await takeSlots([check], start + 700 + refused.retryAfterMs)).allowed).toBe(true);
  });

  it("never states a wait longer than the window, even to a request that read the clock before the one that took the slot", async () => {
    const check = { key: key(), limit: 1, windowMs: 15_000 };
    const start = Date.now();
    // The winner read the clock 800 ms after the loser did (a busy server, requests sent at once).
    expect((await takeSlots([check], start + 800)).allowed).toBe(true);
    expect(await takeSlots([check], start)).toEqual({ allowed: false, retryAfterMs: 15_000 });
  });

  it("lets no more than the limit through when requests arrive at once", async () => {
    const check = { key: key(), limit: 3, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => takeSlots([check])));
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBe(3);
    expect(await liveCount(check.key)).toBe(allowed);
  });

  it("counts an event against all checks or none", async () => {
    const roomy = { key: key(), limit: 5, windowMs: 60_000 };
    const full = { key: key(), limit: 1, windowMs: 60_000 };
    expect((await takeSlots([full])).allowed).toBe(true);
    const refused = await takeSlots([roomy, full]);
    // Given back too: "roomy" still has all five slots.
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(59_000);
    expect(await liveCount(roomy.key)).toBe(0);
    expect(await liveCount(full.key)).toBe(1);
  });

  it("reserves slots for an attempt: kept when it counts, given back when it does not, refused when full", async () => {
    const check = { key: key(), limit: 2, windowMs: 60_000 };
    const first = await reserveSlots([check]);
    const second = await reserveSlots([check]);
    expect(first.allowed && second.allowed).toBe(true);
    const third = await reserveSlots([check]);
    expect(third.allowed).toBe(false);
    expect(!third.allowed && third.retryAfterMs).toBeGreaterThan(59_000);
    if (first.allowed) await first.release();
    expect(await liveCount(check.key)).toBe(1);
    expect((await reserveSlots([check])).allowed).toBe(true);
    await clearLimit(check.key);
    expect(await liveCount(check.key)).toBe(0);
  });

  it("lets no more than the limit reserve when attempts arrive at once", async () => {
    const check = { key: key(), limit: 3, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 12 }, () => reserveSlots([check])));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(await liveCount(check.key)).toBe(3);
  });
});
