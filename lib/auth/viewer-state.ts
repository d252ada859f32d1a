// The signed-in member as the pages' client islands ask for them (/api/viewer, on every signed-in
// page view): who they are, their credit balance and their unread notifications, read with the
// session in one statement rather than three.
import "server-only";
import { getDb } from "../db";
import { shownWhere } from "../notifications/queries";
import { sessionIdOfRequest, viewerOf, type Viewer } from "./viewer";

export type ViewerState = { viewer: Viewer | null; credits?: number; unreadNotifications?: number };

export async function getViewerState(now = new Date()): Promise<ViewerState> {
  const sid = await sessionIdOfRequest();
  if (!sid) return { viewer: null };
  const session = await getDb().session.findUnique({
    where: { id: sid },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true, handle: true, name: true, role: true, bannedAt: true, deletedAt: true, credits: true,
          // The header bell's number, as countUnreadNotifications counts it.
          _count: { select: { notifications: { where: { ...shownWhere(now), readAt: null } } } },
        },
      },
    },
  });
  const viewer = viewerOf(sid, session);
  if (!viewer || !session) return { viewer: null };
  return { viewer, credits: session.user.credits, unreadNotifications: session.user._count.notifications };
}
