// Sessions against a real database: the cookie names a row, and the row is the truth.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { authSecret, env } from "../env";
import { registerUser } from "../users/mutations";
import { endSession, SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions, sessionIdFromCookie, startSession } from "./session";
import { authOptions } from "./options";
import { viewerFromSessionId } from "./viewer";

const db = getDb();
const unique = () => randomBytes(4).toString("hex");

async function signedIn() {
  const user = await registerUser({ name: "Session Holder", email: `sess-${unique()}@example.com`, password: "correct horse battery" });
  const cookie = await startSession(user.id);
  return { user, cookie, sid: (await sessionIdFromCookie(cookie))! };
}

describe("sessions", () => {
  it("turn a cookie into the member, with the role as it is now", async () => {
    const { user, sid } = await signedIn();
    expect((await viewerFromSessionId(sid))?.handle).toBe(user.handle);
    await db.user.update({ where: { id: user.id }, data: { role: "moderator" } });
    expect((await viewerFromSessionId(sid))?.role).toBe("moderator");
  });

  it("end on sign-out, on expiry and on account deletion", async () => {
    const a = await signedIn();
    await endSession(a.sid);
    expect(await viewerFromSessionId(a.sid)).toBeNull();

    const b = await signedIn();
    await db.session.update({ where: { id: b.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await viewerFromSessionId(b.sid)).toBeNull();

    const c = await signedIn();
    await db.user.update({ where: { id: c.user.id }, data: { deletedAt: new Date() } });
    expect(await viewerFromSessionId(c.sid)).toBeNull();
  });

  // Its own POST /api/auth/signout clears the cookie and hands the event the token it held.
  it("end when next-auth signs the browser out, so a copy of the cookie stops working", async () => {
    const { sid, cookie } = await signedIn();
    const signOut = authOptions().events?.signOut;
    await signOut?.({ token: { sid }, session: { expires: "" } } as Parameters<NonNullable<typeof signOut>>[0]);
    expect(await sessionIdFromCookie(cookie)).toBe(sid);
    expect(await viewerFromSessionId(sid)).toBeNull();
  });

  it("are next-auth's, whose callbacks and redirects follow SITE_URL", () => {
    authOptions();
    expect(process.env.NEXTAUTH_URL).toBe(`${env().siteUrl}/api/auth`);
  });

  it("ignore forged and garbled cookies", async () => {
    const forged = await encode({ token: { sid: "x" }, secret: "not the site's secret at all" });
    expect(await sessionIdFromCookie(forged)).toBeNull();
    expect(await sessionIdFromCookie("garbage")).toBeNull();
    expect(await sessionIdFromCookie(undefined)).toBeNull();
  });

  // A cookie read once is remembered (lib/auth/session.ts), but not past its own expiry.
  it("stop naming the session once the cookie's token expires, read before or not", async () => {
    const { sid, cookie } = await signedIn();
    const expires = Date.now() + SESSION_MAX_AGE_SECONDS * 1000;
    expect(await sessionIdFromCookie(cookie, expires - 60_000)).toBe(sid);
    expect(await sessionIdFromCookie(cookie, expires + 60_000)).toBeNull();
    // A token of one second, read on an injected clock: its expiry is whole seconds after the
    // second it was made in, so read on the real clock a slow run could find it already over
    // (CI, once).
    const issued = Math.floor(Date.now() / 1000) * 1000;
    const short = await encode({ token: { sid }, secret: authSecret(), maxAge: 1 });
    expect(await sessionIdFromCookie(short, issued + 5_000)).toBeNull();
    expect(await sessionIdFromCookie(short, issued)).toBe(sid);
    expect(await sessionIdFromCookie(short, issued + 5_000)).toBeNull();
  });

  it("use an HttpOnly, SameSite=Lax cookie, Secure with the __Secure- prefix on https", () => {
    expect(sessionCookieOptions("http://localhost:3000")).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    expect(sessionCookieName("http://localhost:3000")).toBe("dept.session");
    expect(sessionCookieOptions("https://news.example.com")).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    expect(sessionCookieName("https://news.example.com")).toBe("__Secure-dept.session");
  });
});
