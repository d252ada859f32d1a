// Sessions: a row per signed-in browser, named by an encrypted next-auth JWT in an HttpOnly
// cookie. The same cookie is what next-auth writes after an OAuth sign-in (lib/auth/options.ts).
import { randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { getDb } from "../db";
import { authSecret, env } from "../env";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** Secure (and `__Secure-` prefixed) whenever the site is served over https. */
export function isSecureSite(siteUrl = env().siteUrl): boolean {
  return siteUrl.startsWith("https://");
}

export function sessionCookieName(siteUrl?: string): string {
  return isSecureSite(siteUrl) ? "__Secure-dept.session" : "dept.session";
}

export function sessionCookieOptions(siteUrl?: string) {
  return { httpOnly: true, sameSite: "lax" as const, secure: isSecureSite(siteUrl), path: "/", maxAge: SESSION_MAX_AGE_SECONDS };
}

export async function createSessionRow(userId: string): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await getDb().session.create({ data: { id, userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) } });
  return id;
}

/** A new session for the user: the row, and the cookie value that names it. */
export async function startSession(userId: string): Promise<string> {
  const sid = await createSessionRow(userId);
  return encode({ token: { sub: userId, sid }, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

// Reading a cookie derives its key (HKDF) and decrypts it: a few percent of a signed-in request's
// time, the same work with the same result for the same cookie on every request. So what a
// well-formed cookie names is remembered (its expiry still checked on each use; the row it names
// is read every time regardless). Values that fail to decode are not kept: anyone can send those.
const DECODED_MAX = 2_000;
const decoded = new Map<string, { secret: string; sid: string | null; expiresAt: number }>();

/** The session id inside a cookie value, or null when it is missing, forged or expired. */
export async function sessionIdFromCookie(value: string | undefined, now = Date.now()): Promise<string | null> {
  if (!value) return null;
  const secret = authSecret();
  const known = decoded.get(value);
  if (known && known.secret === secret) return known.expiresAt > now ? known.sid : null;
  let token;
  try {
    token = await decode({ token: value, secret });
  } catch {
    return null;
  }
  const sid = typeof token?.sid === "string" ? token.sid : null;
  if (typeof token?.exp !== "number") return sid;
  const expiresAt = token.exp * 1000;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value as string);
  decoded.set(value, { secret, sid, expiresAt });
  return expiresAt > now ? sid : null;
}

export async function endSession(sid: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: sid } });
}

/**
 * next-auth's own sign-out (POST /api/auth/signout) clears the cookie and calls this with the
 * token it held: the row ends too, so a copy of the cookie stops working at once, as after /signout.
 */
export async function endSessionOfToken({ token }: { token?: Record<string, unknown> | null }): Promise<void> {
  if (typeof token?.sid === "string") await endSession(token.sid);
}
