import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { clearLimit, liveCount, reserveSlots, takeSlots } from "./rate-limit";

const key = () => `test:${randomUUID()}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("rate limits", () => {
  // The first query opens the database connection (a second or more on PostgreSQL); the timing
  // test below measures the window, not that.
  beforeAll(async () => {
    await liveCount(key());
  });

  it("refuses a second event inside the window however the clock's seconds fall, and says how long to wait", async () => {
    const check = { key: key(), limit: 1, windowMs: 1500 };
    expect((await takeSlots([check])).allowed).toBe(true);
    await sleep(700);
    const refused = await takeSlots([check]);
    expect(refused.allowed).toBe(false);
    // About 800 ms are left of the first event's window.
    expect(refused.retryAfterMs).toBeGreaterThan(300);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(800);
    // A refused attempt is not counted, so waiting the stated time is enough.
    await sleep(refused.retryAfterMs + 50);
    expect((await takeSlots([check])).allowed).toBe(true);
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
