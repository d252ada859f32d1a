// The cookie that sends a writer's next view of an article past the page cache (fresh-view.ts),
// shared by the writes that set it and proxy.ts that reads it. Anyone can send any cookie, and
// a page rendered per request costs many times a cached one, so the value is signed with the
// auth secret (as the visitor cookie is), names its article and ends within seconds: it cannot
// be made up, moved to another article or kept. proxy.ts runs on Node.js (Next 16), so
// node:crypto and the secret are at hand there too.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../env";

export const FRESH_COOKIE = "dept.fresh";
/** Long enough for the redirect after a write and the page load it leads to. */
export const FRESH_SECONDS = 30;

const sign = (slug: string, until: number) => createHmac("sha256", authSecret()).update(`fresh:${slug}:${until}`).digest("base64url");

/** The cookie's value for one article, good until FRESH_SECONDS from `now`. */
export function freshCookieValue(slug: string, now = Date.now()): string {
  const until = Math.floor(now / 1000) + FRESH_SECONDS;
  return `${until}.${sign(slug, until)}`;
}

/** Whether `value` is one this site gave out for this article, and still good at `now`. */
export function isFreshCookieFor(slug: string, value: string | undefined, now = Date.now()): boolean {
  const [until, mac, ...rest] = (value ?? "").split(".");
  if (rest.length > 0 || !/^\d{1,12}$/.test(until) || !mac) return false;
  const seconds = Number(until);
  // Never past its end, and never further ahead than a new cookie's end (a clock ahead by a few seconds aside).
  if (seconds * 1000 < now || seconds * 1000 > now + (FRESH_SECONDS + 5) * 1000) return false;
  const expected = Buffer.from(sign(slug, seconds));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
