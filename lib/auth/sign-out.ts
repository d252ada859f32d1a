import { cookies } from "next/headers";
import { endSession, sessionCookieName, sessionIdFromCookie } from "./session";

/** Ends this browser's session row and drops its cookie. */
export async function signOut(): Promise<void> {
  const jar = await cookies();
  const sid = await sessionIdFromCookie(jar.get(sessionCookieName())?.value);
  if (sid) await endSession(sid);
  jar.delete(sessionCookieName());
}
