// A signed, HttpOnly visitor cookie: a random id plus an HMAC of it, so a visitor key cannot be
// forged or picked by typing. It identifies anonymous posters (their per-article tag, bans,
// flood limits) and, later, anonymous ratings.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { authSecret } from "./env";
import { ANON_HINT } from "./auth/anon-hint";
import { isSecureSite } from "./auth/session";

// Over https the name carries the __Host- prefix: the browser then only accepts it Secure, from
// this exact host, for the whole site, so a sibling subdomain cannot plant a visitor id.
const cookieName = () => (isSecureSite() ? "__Host-dept.visitor" : "dept.visitor");
const MAX_AGE = 2 * 365 * 24 * 3600;

const sign = (value: string) => createHmac("sha256", authSecret()).update(`visitor:${value}`).digest("base64url").slice(0, 32);

export function verifyVisitorCookie(raw: string | undefined): string | null {
  if (!raw) return null;
  const [id, mac] = raw.split(".");
  if (!id || !mac || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

export function visitorCookieValue(id: string): string {
  return `${id}.${sign(id)}`;
}

/** This browser's visitor id if it has a valid cookie; never sets one (safe in any request). */
export async function readVisitorId(): Promise<string | null> {
  return verifyVisitorCookie((await cookies()).get(cookieName())?.value);
}

/** This browser's visitor id, creating the cookie when it has none (server actions only). */
export async function ensureVisitorId(): Promise<string> {
  const jar = await cookies();
  const existing = verifyVisitorCookie(jar.get(cookieName())?.value);
  if (existing) return existing;
  const id = randomBytes(18).toString("base64url");
  jar.set(cookieName(), visitorCookieValue(id), { httpOnly: true, sameSite: "lax", secure: isSecureSite(), path: "/", maxAge: MAX_AGE });
  // Now there is someone to know about: pages must ask again (lib/auth/anon-hint.ts).
  jar.delete(ANON_HINT);
  return id;
}

/** The short tag shown next to an anonymous name: stable per visitor and article, unguessable. */
export function anonymousTag(articleId: string, visitorId: string): string {
  return createHmac("sha256", authSecret()).update(`tag:${articleId}:${visitorId}`).digest("hex").slice(0, 4);
}
