// Editing and deleting comments. A deleted comment keeps its row (a tombstone holds the thread's
// shape when it has replies) and leaves the article's count in the same transaction.
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { takeDownSpotlights } from "../spotlights/takedown";
import { canDeleteComment, canEditComment } from "./permissions";

const ownedSelect = { id: true, authorId: true, createdAt: true, deletedAt: true, status: true, articleId: true, article: { select: { slug: true } } } as const;

export async function updateComment(viewer: Viewer, id: string, input: { subject: string; body: string }): Promise<{ articleSlug: string }> {
  const db = getDb();
  const comment = await db.comment.findUnique({ where: { id }, select: ownedSelect });
  if (!comment) throw new NotFoundError("That comment no longer exists.");
  if (!canEditComment(viewer, comment)) {
    throw new ForbiddenError(comment.authorId === viewer.id ? "Comments can be edited for 15 minutes after posting; this one can no longer be changed." : "You can only edit your own comments.");
  }
  await db.comment.update({ where: { id }, data: { subject: input.subject, body: input.body, editedAt: new Date() } });
  return { articleSlug: comment.article.slug };
}

export async function deleteComment(viewer: Viewer, id: string): Promise<{ articleSlug: string }> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id }, select: ownedSelect });
    if (!comment) throw new NotFoundError("That comment no longer exists.");
    if (!canDeleteComment(viewer, comment)) throw new ForbiddenError("You can only delete your own comments.");
    // The condition on deletedAt makes a double delete count once.
    const marked = await tx.comment.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (marked.count === 1 && (comment.status === "published" || comment.status === "hidden")) {
      await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
    }
    if (marked.count === 1) await takeDownSpotlights(tx, id, "the comment was deleted");
    return { articleSlug: comment.article.slug };
  });
}

/** Which of an article's comments this viewer may edit or delete (for the page's controls). */
export async function listOwnComments(viewer: Viewer, articleId: string) {
  const rows = await getDb().comment.findMany({
    where: { articleId, deletedAt: null, status: { not: "removed" }, ...(viewer.role === "moderator" || viewer.role === "admin" ? {} : { authorId: viewer.id }) },
    select: { id: true, authorId: true, createdAt: true, deletedAt: true, status: true },
  });
  return {
    editable: rows.filter((c) => canEditComment(viewer, c)).map((c) => c.id),
    deletable: rows.filter((c) => canDeleteComment(viewer, c)).map((c) => c.id),
  };
}
