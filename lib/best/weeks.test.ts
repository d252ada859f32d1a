import { describe, expect, it } from "vitest";
import { resolveWeekParam, weekHref } from "./schemas";
import {
  compareWeeks,
  currentWeek,
  formatWeek,
  formatWeekRange,
  nextWeek,
  parseWeek,
  previousWeek,
  weekEnd,
  weekOf,
  weekStart,
  weeksInYear,
} from "./weeks";

const at = (iso: string) => new Date(iso);

describe("weekOf", () => {
  it("puts a moment in its Monday-to-Sunday week, in UTC", () => {
    expect(weekOf(at("2026-11-23T00:00:00Z"))).toEqual({ year: 2026, week: 48 }); // Monday
    expect(weekOf(at("2026-11-29T23:59:59.999Z"))).toEqual({ year: 2026, week: 48 }); // Sunday
    expect(weekOf(at("2026-11-30T00:00:00Z"))).toEqual({ year: 2026, week: 49 });
    // 23:30 on Sunday in New York is already Monday in UTC.
    expect(weekOf(at("2026-11-29T23:30:00-05:00"))).toEqual({ year: 2026, week: 49 });
  });

  it("gives the days around 1 January to the year their Thursday is in", () => {
    // 1 January 2026 is a Thursday: week 1 of 2026 starts on Monday 29 December 2025.
    expect(weekOf(at("2025-12-29T00:00:00Z"))).toEqual({ year: 2026, week: 1 });
    expect(weekOf(at("2026-01-01T12:00:00Z"))).toEqual({ year: 2026, week: 1 });
    expect(weekOf(at("2025-12-28T23:59:59Z"))).toEqual({ year: 2025, week: 52 });
    // 1 January 2027 is a Friday: it belongs to 2026's last week, W53.
    expect(weekOf(at("2027-01-01T00:00:00Z"))).toEqual({ year: 2026, week: 53 });
    expect(weekOf(at("2027-01-03T23:59:59Z"))).toEqual({ year: 2026, week: 53 });
    expect(weekOf(at("2027-01-04T00:00:00Z"))).toEqual({ year: 2027, week: 1 });
    // 1 January 2021 is a Friday after a 53-week 2020.
    expect(weekOf(at("2021-01-01T00:00:00Z"))).toEqual({ year: 2020, week: 53 });
  });
});

describe("weeksInYear", () => {
  it("has 53 weeks in years starting on a Thursday, or on a Wednesday in a leap year", () => {
    expect(weeksInYear(2026)).toBe(53); // starts on Thursday
    expect(weeksInYear(2020)).toBe(53); // leap year starting on Wednesday
    expect(weeksInYear(2015)).toBe(53);
    expect(weeksInYear(2032)).toBe(53); // leap year starting on Thursday
    for (const year of [2021, 2024, 2025, 2027, 2028]) expect(weeksInYear(year)).toBe(52);
  });
});

describe("parseWeek and formatWeek", () => {
  it("round-trips valid weeks", () => {
    for (const text of ["2026-W48", "2026-W01", "2026-W53", "2020-W53", "2000-W01", "2027-W52"]) {
      expect(formatWeek(parseWeek(text)!)).toBe(text);
    }
    expect(formatWeek({ year: 2026, week: 7 })).toBe("2026-W07");
  });

  it("rejects malformed and out-of-range weeks", () => {
    for (const text of [
      "", "2026", "2026-48", "2026-W4", "2026-W048", "2026W48", "2026-w48", " 2026-W48", "2026-W48 ",
      "2026-W00", "2025-W53", "2027-W53", "2026-W54", "1999-W10", "0000-W01", "+2026-W48", "2026-W4a", "２０２６-W48",
    ]) {
      expect(parseWeek(text), text).toBeNull();
    }
  });
});

describe("week bounds and steps", () => {
  it("starts on Monday 00:00 UTC and ends (exclusive) seven days later", () => {
    expect(weekStart({ year: 2026, week: 48 }).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(weekEnd({ year: 2026, week: 48 }).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStart({ year: 2026, week: 1 }).toISOString()).toBe("2025-12-29T00:00:00.000Z");
    expect(weekStart({ year: 2026, week: 53 }).toISOString()).toBe("2026-12-28T00:00:00.000Z");
    expect(weekStart({ year: 2027, week: 1 }).toISOString()).toBe("2027-01-04T00:00:00.000Z");
    expect(weekStart({ year: 2021, week: 1 }).toISOString()).toBe("2021-01-04T00:00:00.000Z");
  });

  it("agrees with weekOf on every week of several years", () => {
    for (let year = 2019; year <= 2033; year++) {
      for (let week = 1; week <= weeksInYear(year); week++) {
        const start = weekStart({ year, week });
        expect(start.getUTCDay()).toBe(1);
        expect(weekOf(start)).toEqual({ year, week });
        expect(weekOf(new Date(weekEnd({ year, week }).getTime() - 1))).toEqual({ year, week });
      }
    }
  });

  it("steps across year boundaries", () => {
    expect(nextWeek({ year: 2026, week: 52 })).toEqual({ year: 2026, week: 53 });
    expect(nextWeek({ year: 2026, week: 53 })).toEqual({ year: 2027, week: 1 });
    expect(previousWeek({ year: 2027, week: 1 })).toEqual({ year: 2026, week: 53 });
    expect(nextWeek({ year: 2025, week: 52 })).toEqual({ year: 2026, week: 1 });
    expect(previousWeek({ year: 2026, week: 1 })).toEqual({ year: 2025, week: 52 });
    expect(previousWeek({ year: 2026, week: 48 })).toEqual({ year: 2026, week: 47 });
  });

  it("orders weeks", () => {
    expect(compareWeeks({ year: 2026, week: 53 }, { year: 2027, week: 1 })).toBeLessThan(0);
    expect(compareWeeks({ year: 2026, week: 48 }, { year: 2026, week: 47 })).toBeGreaterThan(0);
    expect(compareWeeks({ year: 2026, week: 48 }, { year: 2026, week: 48 })).toBe(0);
    expect(currentWeek(at("2026-11-26T10:00:00Z"))).toEqual({ year: 2026, week: 48 });
  });
});

describe("formatWeekRange", () => {
  it("names the seven days compactly", () => {
    expect(formatWeekRange({ year: 2026, week: 48 })).toBe("23–29 November 2026");
    expect(formatWeekRange({ year: 2026, week: 49 })).toBe("30 November – 6 December 2026");
    expect(formatWeekRange({ year: 2026, week: 53 })).toBe("28 December 2026 – 3 January 2027");
    expect(formatWeekRange({ year: 2026, week: 1 })).toBe("29 December 2025 – 4 January 2026");
  });
});

describe("resolveWeekParam", () => {
  const now = at("2026-11-26T10:00:00Z"); // in 2026-W48

  it("is the current week without a parameter", () => {
    expect(resolveWeekParam(undefined, now)).toEqual({ year: 2026, week: 48 });
  });

  it("accepts the current and past weeks", () => {
    expect(resolveWeekParam("2026-W48", now)).toEqual({ year: 2026, week: 48 });
    expect(resolveWeekParam("2026-W47", now)).toEqual({ year: 2026, week: 47 });
    expect(resolveWeekParam("2020-W53", now)).toEqual({ year: 2020, week: 53 });
  });

  it("refuses future weeks, malformed values and repeated parameters", () => {
    expect(resolveWeekParam("2026-W49", now)).toBeNull();
    expect(resolveWeekParam("2027-W01", now)).toBeNull();
    expect(resolveWeekParam("2026-W00", now)).toBeNull();
    expect(resolveWeekParam("2025-W53", now)).toBeNull();
    expect(resolveWeekParam("last week", now)).toBeNull();
    expect(resolveWeekParam("", now)).toBeNull();
    expect(resolveWeekParam("2026-W48".repeat(100), now)).toBeNull();
    expect(resolveWeekParam(["2026-W47", "2026-W46"], now)).toBeNull();
  });
});

describe("weekHref", () => {
  const now = at("2026-11-26T10:00:00Z");

  it("leaves the parameter out for the current week only", () => {
    expect(weekHref({ year: 2026, week: 48 }, "/best", now)).toBe("/best");
    expect(weekHref({ year: 2026, week: 47 }, "/best", now)).toBe("/best?week=2026-W47");
    expect(weekHref({ year: 2025, week: 1 }, "/best/feed.xml", now)).toBe("/best/feed.xml?week=2025-W01");
  });
});
