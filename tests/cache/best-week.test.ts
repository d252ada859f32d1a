// The best of the week rolls over at the week's end with nothing expiring on a timer: proxy.ts
// (lib/cache/list-routes.ts) rewrites /best to the current week's page, named `-current`, and the
// same week asked for once it has ended is another page (another cache entry), so the cached page
// that says "this week" is never served after the week. On an injected clock, at the boundary.
import { describe, expect, it } from "vitest";
import { parseWeekSegment, resolveWeekParam, weekSegment } from "../../lib/best/schemas";
import { parseWeek } from "../../lib/best/weeks";

// Monday 7 December 2026, 00:00 UTC: week 50 begins.
const boundary = Date.UTC(2026, 11, 7);
const lastMoment = new Date(boundary - 1);
const firstMoment = new Date(boundary);
const w49 = parseWeek("2026-W49")!;
const w50 = parseWeek("2026-W50")!;

/** The cached route's segment for /best at `now` (no ?week=), as the proxy picks it. */
const bestAt = (now: Date) => weekSegment(resolveWeekParam(undefined, now)!, now);

describe("/best at the week's end", () => {
  it("is this week's page up to the last moment, and the next week's from the first", () => {
    expect(bestAt(lastMoment)).toBe("2026-W49-current");
    expect(bestAt(firstMoment)).toBe("2026-W50-current");
  });

  it("asks for the ended week under a name the page that called it 'this week' never had", () => {
    expect(weekSegment(w49, firstMoment)).toBe("2026-W49");
    expect(parseWeekSegment("2026-W49", firstMoment)).toEqual({ week: w49, isCurrent: false });
  });

  it("renders a request rewritten a moment before the end, and rendered after it, as the ended week", () => {
    expect(parseWeekSegment("2026-W49-current", lastMoment)).toEqual({ week: w49, isCurrent: true });
    expect(parseWeekSegment("2026-W49-current", firstMoment)).toEqual({ week: w49, isCurrent: false });
  });

  it("has no page for a week that has not begun, nor for the current week under a past week's name", () => {
    expect(parseWeekSegment("2026-W50-current", lastMoment)).toBeNull();
    expect(parseWeekSegment("2026-W50", lastMoment)).toBeNull();
    expect(parseWeekSegment("2026-W49", lastMoment)).toBeNull();
    expect(parseWeekSegment("none", lastMoment)).toBeNull();
    expect(weekSegment(w50, firstMoment)).toBe("2026-W50-current");
  });
});
