import { isModerator } from "../auth/roles";
import type { Viewer } from "../auth/viewer";

// Authors may edit their own comment for this long after posting; moderators always.
export const EDIT_WINDOW_MS = 15 * 60_000;

export type Owned = { authorId: string | null; createdAt: Date; deletedAt: Date | null; status: string };

export function canEditComment(viewer: Viewer | null, comment: Owned, now = Date.now()): boolean {
  if (!viewer || viewer.isBanned || comment.deletedAt || comment.status === "removed") return false;
  if (isModerator(viewer)) return true;
  return comment.authorId === viewer.id && now - comment.createdAt.getTime() <= EDIT_WINDOW_MS;
}

export function canDeleteComment(viewer: Viewer | null, comment: Owned): boolean {
  if (!viewer || comment.deletedAt || comment.status === "removed") return false;
  return isModerator(viewer) || comment.authorId === viewer.id;
}
