// Dates are rendered on the server into cached pages, so they use one fixed zone (UTC) rather
// than whatever zone the server happens to run in.
const dateFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "numeric", minute: "2-digit", hour12: true });

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${dateFormat.format(d)}, ${timeFormat.format(d).toLowerCase().replace(" ", "")} UTC`;
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, as a reader says it: "just now", "5 minutes ago", "3 hours ago", "2 days ago",
 * then from a week on the date in the reader's zone ("Nov 24", with the year when not this one's).
 */
export function formatRelative(iso: string, now: number, timeZone?: string): string {
  const then = Date.parse(iso);
  const ago = Math.max(0, now - then);
  if (ago < MINUTE) return "just now";
  if (ago < HOUR) return `${pluralize(Math.floor(ago / MINUTE), "minute")} ago`;
  if (ago < DAY) return `${pluralize(Math.floor(ago / HOUR), "hour")} ago`;
  if (ago < 7 * DAY) return `${pluralize(Math.floor(ago / DAY), "day")} ago`;
  const year = (t: number) => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(t);
  const sameYear = year(then) === year(now);
  return new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) }).format(then);
}

/** The exact time in the reader's zone, named: "Wednesday, December 2, 2026 at 3:04 PM GMT+1". */
export function formatExact(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone, weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short",
  }).format(Date.parse(iso));
}
