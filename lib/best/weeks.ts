// ISO-8601 weeks (Monday to Sunday, week 1 holds the year's first Thursday), always in UTC: the
// "best of the week" is the same list for every reader wherever they are, and pages render dates
// in UTC too (lib/format.ts).
export type IsoWeek = { year: number; week: number };

// Comments older than the software cannot exist; the upper bound only keeps years four digits.
export const MIN_YEAR = 2000;
export const MAX_YEAR = 9999;

const DAY = 24 * 60 * 60 * 1000;
const WEEK_TEXT = /^(\d{4})-W(\d{2})$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The ISO week a moment falls in (UTC). */
export function weekOf(date: Date): IsoWeek {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // The Thursday of the same week decides which year the week belongs to.
  const thursday = new Date(day + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  return { year, week: 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) };
}

/** 52, or 53 when the year starts on a Thursday (or on a Wednesday in a leap year). */
export function weeksInYear(year: number): number {
  // 28 December is always in the year's last week.
  return weekOf(new Date(Date.UTC(year, 11, 28))).week;
}

export function isValidWeek({ year, week }: IsoWeek): boolean {
  return Number.isInteger(year) && Number.isInteger(week) && year >= MIN_YEAR && year <= MAX_YEAR && week >= 1 && week <= weeksInYear(year);
}

/** `2026-W48` → { year: 2026, week: 48 }; null for anything malformed or out of range. */
export function parseWeek(text: string): IsoWeek | null {
  const match = WEEK_TEXT.exec(text);
  if (!match) return null;
  const week = { year: Number(match[1]), week: Number(match[2]) };
  return isValidWeek(week) ? week : null;
}

export function formatWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Monday 00:00 UTC of the week. */
export function weekStart({ year, week }: IsoWeek): Date {
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  return new Date(monday + (week - 1) * 7 * DAY);
}

/** The next Monday 00:00 UTC: the end is exclusive, so a query reads `start <= t < end`. */
export function weekEnd(week: IsoWeek): Date {
  return new Date(weekStart(week).getTime() + 7 * DAY);
}

export function currentWeek(now = new Date()): IsoWeek {
  return weekOf(now);
}

export function previousWeek(week: IsoWeek): IsoWeek {
  return weekOf(new Date(weekStart(week).getTime() - 7 * DAY));
}

export function nextWeek(week: IsoWeek): IsoWeek {
  return weekOf(weekEnd(week));
}

/** Negative, zero or positive as `a` is before, the same as or after `b`. */
export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year - b.year || a.week - b.week;
}

/** "23–29 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027". */
export function formatWeekRange(week: IsoWeek): string {
  const first = weekStart(week);
  const last = new Date(weekEnd(week).getTime() - DAY);
  const [d1, m1, y1] = [first.getUTCDate(), MONTHS[first.getUTCMonth()], first.getUTCFullYear()];
  const [d2, m2, y2] = [last.getUTCDate(), MONTHS[last.getUTCMonth()], last.getUTCFullYear()];
  if (y1 !== y2) return `${d1} ${m1} ${y1} – ${d2} ${m2} ${y2}`;
  if (m1 !== m2) return `${d1} ${m1} – ${d2} ${m2} ${y2}`;
  return `${d1}–${d2} ${m2} ${y2}`;
}
