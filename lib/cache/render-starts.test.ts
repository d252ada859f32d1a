// When a cached page's render began, paired with when it is stored, on an injected clock.
import { describe, expect, it } from "vitest";
import { RenderStarts } from "./render-starts";

const page = { kind: "APP_PAGE" };
const clock = (start: number) => {
  const state = { now: start };
  return { state, starts: new RenderStarts(() => state.now) };
};

describe("render starts", () => {
  it("stamps a page with the start of its render, a millisecond early", () => {
    const { state, starts } = clock(1_000);
    starts.looked("/a", page, null);
    state.now = 1_250;
    expect(starts.stored("/a")).toBe(999);
    // Paired once: a later store with no render begun is stamped when it happens.
    state.now = 1_300;
    expect(starts.stored("/a")).toBe(1_300);
  });

  it("begins no render on a current hit, and one on a hit past its revalidate time", () => {
    const { state, starts } = clock(10_000);
    starts.looked("/a", page, { lastModified: 9_000, cacheControl: { revalidate: 60 } });
    state.now = 10_100;
    expect(starts.stored("/a")).toBe(10_100);
    starts.looked("/b", page, { lastModified: 9_000 - 60_000, cacheControl: { revalidate: 60 } });
    // The shared cache says the same with a stale time in seconds.
    starts.looked("/c", page, { lastModified: 0, lifespan: { staleAt: 9 } });
    state.now = 10_200;
    expect(starts.stored("/b")).toBe(10_099);
    expect(starts.stored("/c")).toBe(10_099);
  });

  it("ignores data entries, which are not renders of a page", () => {
    const { state, starts } = clock(5_000);
    starts.looked("k", { kind: "FETCH" }, null);
    state.now = 5_010;
    expect(starts.stored("k")).toBe(5_010);
  });

  it("pairs overlapping renders of one page oldest first", () => {
    const { state, starts } = clock(100);
    starts.looked("/a", page, null);
    state.now = 200;
    starts.looked("/a", page, null);
    state.now = 300;
    expect(starts.stored("/a")).toBe(99);
    expect(starts.stored("/a")).toBe(199);
  });

  it("drops the start of a render that never stored, once older than any render", () => {
    const { state, starts } = clock(0);
    starts.looked("/failed", page, null);
    state.now = 61_000;
    starts.looked("/failed", page, null);
    state.now = 61_050;
    expect(starts.stored("/failed")).toBe(60_999);
    // Many abandoned keys are swept rather than kept.
    for (let i = 0; i < 2_001; i++) starts.looked(`/gone/${i}`, page, null);
    state.now = 200_000;
    starts.looked("/new", page, null);
    expect(starts.starts.size).toBeLessThanOrEqual(2_002);
    for (let i = 0; i < 2_001; i++) starts.looked(`/later/${i}`, page, null);
    expect(starts.starts.has("/gone/0")).toBe(false);
  });
});
