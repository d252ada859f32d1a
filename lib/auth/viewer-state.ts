// The signed-in member as the pages' client islands ask for them (/api/viewer, on every signed-in
// page view): who they are and their credit balance, read with the session check in one statement.
// (Their bell count is a statement of its own, by their id: folded in here as a relation count,
// Prisma counted every member's notifications and joined the one row.)
import "server-only";
import { getDb } from "../db";
import { sessionIdOfRequest, viewerOfUser, type Viewer } from "./viewer";

export type ViewerState = { viewer: Viewer | null; credits?: number };

export async function getViewerState(now = new Date()): Promise<ViewerState> {
  const sid = await sessionIdOfRequest();
  if (!sid) return { viewer: null };
  // The member whose unexpired session this is (viewerFromSessionId's rule), from the user's side:
  // the session is a condition, not a second read.
  const user = await getDb().user.findFirst({
    where: { deletedAt: null, sessions: { some: { id: sid, expiresAt: { gt: now } } } },
    select: { id: true, handle: true, name: true, role: true, bannedAt: true, credits: true },
  });
  return user ? { viewer: viewerOfUser(sid, user), credits: user.credits } : { viewer: null };
}
