import { describe, expect, it } from "vitest";
import { formatDateTime, formatExact, formatRelative } from "./format";

const now = Date.parse("2026-12-02T15:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();
const MIN = 60_000;

describe("formatRelative", () => {
  it("counts minutes, hours and days, then gives a date", () => {
    expect(formatRelative(ago(20_000), now)).toBe("just now");
    expect(formatRelative(ago(MIN), now)).toBe("1 minute ago");
    expect(formatRelative(ago(59 * MIN), now)).toBe("59 minutes ago");
    expect(formatRelative(ago(3 * 60 * MIN), now)).toBe("3 hours ago");
    expect(formatRelative(ago(2 * 24 * 60 * MIN), now)).toBe("2 days ago");
    expect(formatRelative("2026-11-20T10:00:00Z", now, "UTC")).toBe("Nov 20");
    expect(formatRelative("2025-11-20T10:00:00Z", now, "UTC")).toBe("Nov 20, 2025");
  });

  it("a time a little ahead of the reader's clock reads as just now", () => {
    expect(formatRelative(ago(-30_000), now)).toBe("just now");
  });

  it("dates fall in the reader's zone", () => {
    // 23:30 UTC on Nov 20 is already Nov 21 in Tokyo.
    expect(formatRelative("2026-11-20T23:30:00Z", now, "Asia/Tokyo")).toBe("Nov 21");
  });
});

describe("formatExact", () => {
  it("names the day, the time and the zone", () => {
    expect(formatExact("2026-12-02T15:04:00Z", "UTC")).toBe("Wednesday, December 2, 2026 at 3:04 PM UTC");
    expect(formatExact("2026-12-02T15:04:00Z", "Europe/Berlin")).toMatch(/^Wednesday, December 2, 2026 at 4:04 PM GMT\+1$/);
  });

  it("the server's UTC time stays as it was", () => {
    expect(formatDateTime("2026-12-02T15:04:00Z")).toBe("Wed, Dec 2, 2026, 3:04pm UTC");
  });
});
