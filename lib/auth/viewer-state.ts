// The signed-in member as the pages' client islands ask for them (/api/viewer, on every signed-in
// page view): who they are, their credit balance and their unread notifications, read with the
// session check in one statement rather than four.
import "server-only";
import { getDb } from "../db";
import { shownWhere } from "../notifications/queries";
import { sessionIdOfRequest, type Viewer } from "./viewer";

export type ViewerState = { viewer: Viewer | null; credits?: number; unreadNotifications?: number };

export async function getViewerState(now = new Date()): Promise<ViewerState> {
  const sid = await sessionIdOfRequest();
  if (!sid) return { viewer: null };
  // The member whose unexpired session this is (viewerFromSessionId's rule), from the user's side:
  // the session is a condition, not a second read.
  const user = await getDb().user.findFirst({
    where: { deletedAt: null, sessions: { some: { id: sid, expiresAt: { gt: now } } } },
    select: {
      id: true, handle: true, name: true, role: true, bannedAt: true, credits: true,
      // The header bell's number, as countUnreadNotifications counts it.
      _count: { select: { notifications: { where: { ...shownWhere(now), readAt: null } } } },
    },
  });
  if (!user) return { viewer: null };
  const viewer: Viewer = { id: user.id, handle: user.handle, name: user.name, role: user.role, isBanned: user.bannedAt !== null, sessionId: sid };
  return { viewer, credits: user.credits, unreadNotifications: user._count.notifications };
}
