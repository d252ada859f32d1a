// Who is calling. Every server action and dynamic page asks this, and it always reads the
// database: a role change, a ban or a sign-out elsewhere applies to the very next request.
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "../db";
import type { Role } from "./roles";
import { sessionCookieName, sessionIdFromCookie } from "./session";

export type Viewer = { id: string; handle: string; name: string; role: Role; isBanned: boolean; sessionId: string };

export async function viewerFromSessionId(sid: string | null): Promise<Viewer | null> {
  if (!sid) return null;
  const session = await getDb().session.findUnique({
    where: { id: sid },
    select: { expiresAt: true, user: { select: { id: true, handle: true, name: true, role: true, bannedAt: true, deletedAt: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.user.deletedAt) return null;
  const { user } = session;
  return { id: user.id, handle: user.handle, name: user.name, role: user.role, isBanned: user.bannedAt !== null, sessionId: sid };
}

/** The signed-in member for this request, or null. Memoized per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  return viewerFromSessionId(await sessionIdFromCookie(jar.get(sessionCookieName())?.value));
});
