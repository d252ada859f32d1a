import { z } from "zod";
import { compareWeeks, currentWeek, formatWeek, parseWeek, type IsoWeek } from "./weeks";

// `?week=2026-W48`: a week that exists in the calendar. Anything else (wrong shape, W00, W53 of a
// 52-week year, a repeated parameter) is not a page that exists.
export const WeekParam = z
  .string()
  .max(8)
  .transform((text, ctx) => parseWeek(text) ?? (ctx.addIssue({ code: "custom", message: "Not an ISO week" }), z.NEVER));

/**
 * The week a `/best` URL asks for: the current week when the parameter is absent, null when it
 * is malformed or lies in the future (its best comments cannot be known yet).
 */
export function resolveWeekParam(raw: string | string[] | null | undefined, now = new Date()): IsoWeek | null {
  const current = currentWeek(now);
  if (raw === undefined || raw === null) return current;
  const parsed = WeekParam.safeParse(raw);
  if (!parsed.success) return null;
  return compareWeeks(parsed.data, current) > 0 ? null : parsed.data;
}

/** The address of a week's best (`base` is `/best` or its feed); the current week has no parameter. */
export function weekHref(week: IsoWeek, base = "/best", now = new Date()): string {
  return compareWeeks(week, currentWeek(now)) === 0 ? base : `${base}?week=${formatWeek(week)}`;
}

/**
 * The internal route segment proxy.ts rewrites a `/best` address to: the week, marked `-current`
 * while it is the current week (so the page that says "this week" is another cache entry than
 * the same week's page once it has ended).
 */
export function weekSegment(week: IsoWeek, now = new Date()): string {
  return `${formatWeek(week)}${compareWeeks(week, currentWeek(now)) === 0 ? "-current" : ""}`;
}

/** The week of a segment, if it is one `weekSegment` gives now; null otherwise (a 404, never cached). */
export function parseWeekSegment(segment: string, now = new Date()): { week: IsoWeek; isCurrent: boolean } | null {
  const week = resolveWeekParam(segment.replace(/-current$/, ""), now);
  if (!week) return null;
  const isCurrent = compareWeeks(week, currentWeek(now)) === 0;
  // Asked for as current a moment before the week ended: shown as the ended week it now is.
  if (segment.endsWith("-current") && !isCurrent) return { week, isCurrent: false };
  return weekSegment(week, now) === segment ? { week, isCurrent } : null;
}
