import { describe, expect, it } from "vitest";
import { FRESH_SECONDS, freshCookieValue, isFreshCookieFor } from "./fresh-cookie";

const now = Date.UTC(2026, 11, 2, 12, 0, 0);

describe("the fresh-view cookie", () => {
  it("is good for its own article, for FRESH_SECONDS", () => {
    const value = freshCookieValue("ink-is-oil", now);
    expect(isFreshCookieFor("ink-is-oil", value, now)).toBe(true);
    expect(isFreshCookieFor("ink-is-oil", value, now + FRESH_SECONDS * 1000)).toBe(true);
    expect(isFreshCookieFor("ink-is-oil", value, now + FRESH_SECONDS * 1000 + 1000)).toBe(false);
    expect(isFreshCookieFor("another-article", value, now)).toBe(false);
  });

  it("cannot be made up, altered or stretched", () => {
    const value = freshCookieValue("ink-is-oil", now);
    const [until, mac] = value.split(".");
    const later = String(Number(until) + 3600);
    for (const forged of ["1", "", "x", `${until}.`, `.${mac}`, `${later}.${mac}`, `${until}.${mac.slice(1)}x`, `${until}.${mac}.${mac}`, `${until}.${mac.slice(0, -2)}`]) {
      expect(isFreshCookieFor("ink-is-oil", forged, now), forged).toBe(false);
    }
    expect(isFreshCookieFor("ink-is-oil", undefined, now)).toBe(false);
  });

  it("is refused when it claims to last longer than any cookie the site gives out", () => {
    // Signed correctly, but minted an hour from now: as if the clock were wound forward.
    const fromTheFuture = freshCookieValue("ink-is-oil", now + 3_600_000);
    expect(isFreshCookieFor("ink-is-oil", fromTheFuture, now)).toBe(false);
  });
});
