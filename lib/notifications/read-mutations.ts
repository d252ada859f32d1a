// Marking notifications read. Each write names the member in its condition, so a row of anyone
// else's is never touched whatever id a request carries; the lookup first tells "not yours" from
// "gone" so the page can say which.
import "server-only";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";

async function ownRow(viewer: Viewer, id: string) {
  const row = await getDb().notification.findUnique({ where: { id }, select: { userId: true, commentId: true, readAt: true } });
  if (!row) throw new NotFoundError("That notification no longer exists.");
  if (row.userId !== viewer.id) throw new ForbiddenError("That notification is not yours.");
  return row;
}

/** Marks one of the viewer's notifications read (again is fine: the first time stands). */
export async function markNotificationRead(viewer: Viewer, id: string, now = new Date()): Promise<void> {
  await ownRow(viewer, id);
  await getDb().notification.updateMany({ where: { id, userId: viewer.id, readAt: null }, data: { readAt: now } });
}

/**
 * Marks read everything the viewer had when they looked (`through`: when the page was shown),
 * so an item that arrived since, unseen, stays unread. Returns how many changed.
 */
export async function markAllNotificationsRead(viewer: Viewer, through: Date, now = new Date()): Promise<number> {
  const { count } = await getDb().notification.updateMany({
    where: { userId: viewer.id, readAt: null, createdAt: { lte: through } },
    data: { readAt: now },
  });
  return count;
}

/** Following an item's link: marks it read and says where it leads (null when it is not the viewer's). */
export async function openNotification(viewer: Viewer, id: string, now = new Date()): Promise<{ href: string } | null> {
  const row = await getDb().notification.findFirst({ where: { id, userId: viewer.id }, select: { commentId: true, readAt: true, article: { select: { slug: true } } } });
  if (!row) return null;
  if (!row.readAt) await getDb().notification.updateMany({ where: { id, userId: viewer.id, readAt: null }, data: { readAt: now } });
  return { href: row.commentId ? `/comments/${row.commentId}` : `/articles/${row.article.slug}` };
}
