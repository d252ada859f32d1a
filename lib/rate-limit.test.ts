import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blockedFor, clearLimit, liveCount, recordHit, takeSlots } from "./rate-limit";

const key = () => `test:${randomUUID()}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("rate limits", () => {
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

  it("blocks a key once recorded events reach the limit, until they age out or are cleared", async () => {
    const k = key();
    for (let i = 0; i < 3; i++) await recordHit(k, 4, 60_000);
    expect(await blockedFor(k, 4)).toBe(0);
    await recordHit(k, 4, 60_000);
    expect(await blockedFor(k, 4)).toBeGreaterThan(59_000);
    await clearLimit(k);
    expect(await blockedFor(k, 4)).toBe(0);

    const short = key();
    await recordHit(short, 1, 300);
    expect(await blockedFor(short, 1)).toBeGreaterThan(0);
    await sleep(350);
    expect(await blockedFor(short, 1)).toBe(0);
  });
});
