// Who is calling. Every server action and dynamic page asks this, and it always reads the
// database: a role change, a ban or a sign-out elsewhere applies to the very next request.
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "../db";
import type { Role } from "./roles";
import { sessionCookieName, sessionIdFromCookie } from "./session";

export type Viewer = { id: string; handle: string; name: string; role: Role; isBanned: boolean; sessionId: string };

const USER_SELECT = { id: true, handle: true, name: true, role: true, bannedAt: true, deletedAt: true } as const;

type SessionRow = { expiresAt: Date; user: { id: string; handle: string; name: string; role: Role; bannedAt: Date | null; deletedAt: Date | null } };

/** The viewer a signed-in member's row makes, for the session `sid`. */
function viewerOfUser(sid: string, user: Omit<SessionRow["user"], "deletedAt">): Viewer {
  return { id: user.id, handle: user.handle, name: user.name, role: user.role, isBanned: user.bannedAt !== null, sessionId: sid };
}

/** The member a session row names, or null when it has expired or the account is gone. */
export function viewerOfSession(sid: string, session: SessionRow | null, now = new Date()): Viewer | null {
  if (!session || session.expiresAt <= now || session.user.deletedAt) return null;
  return viewerOfUser(sid, session.user);
}

export async function viewerFromSessionId(sid: string | null): Promise<Viewer | null> {
  if (!sid) return null;
  return viewerOfSession(sid, await getDb().session.findUnique({ where: { id: sid }, select: { expiresAt: true, user: { select: USER_SELECT } } }));
}

/** The session id the request's cookie names (not yet checked against its row). */
export async function sessionIdOfRequest(): Promise<string | null> {
  const jar = await cookies();
  return sessionIdFromCookie(jar.get(sessionCookieName())?.value);
}

/** The signed-in member for this request, or null. Memoized per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => viewerFromSessionId(await sessionIdOfRequest()));
