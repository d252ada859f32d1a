// The schedule field is an <input type="datetime-local">: a wall-clock time with no zone. The
// browser knows the writer's zone, so with JavaScript the form sends the zone's offset for that
// very date (daylight saving included) and the server turns the pair into UTC, which is what is
// stored. Without JavaScript there is no offset and the server's own zone is used.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** Minutes to add to local time to get UTC, as Date#getTimezoneOffset gives them (UTC+1 → -60). */
export function parseTzOffset(raw: string): number | undefined {
  if (!/^-?\d{1,4}$/.test(raw)) return undefined;
  const minutes = Number(raw);
  return Math.abs(minutes) <= 14 * 60 ? minutes : undefined;
}

/** "2026-11-27T14:30" (+ the writer's offset) → the instant; null when it is not a real date-time. */
export function localInputToDate(value: string, tzOffset?: number): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls "February 30" over into March: such a date was never typed into the picker.
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  if (tzOffset !== undefined) return new Date(wall + tzOffset * 60_000);
  return new Date(y, mo - 1, d, h, mi, s);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant as the datetime-local value of this machine's zone (the browser's, in a browser). */
export function toLocalInputValue(date: Date): string {
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() ? `${base}:${pad(date.getSeconds())}` : base;
}
