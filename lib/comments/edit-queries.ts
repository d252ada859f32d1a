// The comment edit page's read. The page is open to any member (it tells them what they may do),
// so what it shows is decided here: an article that is not published, or not yet, keeps its title
// to those who may edit it, and a comment on one is nobody else's business unless it is theirs.
import { canEditArticle, isVisibleAt } from "../articles/permissions";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { parseId } from "../route-params";
import { isModerator } from "../auth/roles";
import { editTimeLeft } from "./edit-window";
import { canDeleteComment, canEditComment } from "./permissions";

export type CommentForEdit = {
  id: string;
  subject: string;
  body: string;
  canEdit: boolean;
  canDelete: boolean;
  /** Null when the viewer may not see the article (a draft, or scheduled for later). */
  articleTitle: string | null;
  /** What is left of the author's edit window; null when there is none to tell (a moderator's edit, or none allowed). */
  editMsLeft: number | null;
};

export async function getCommentForEdit(viewer: Viewer, rawId: string, now = new Date()): Promise<CommentForEdit | null> {
  const id = parseId(rawId);
  if (!id) return null;
  const row = await getDb().comment.findUnique({
    where: { id },
    select: { id: true, subject: true, body: true, authorId: true, createdAt: true, deletedAt: true, status: true, article: { select: { title: true, status: true, publishedAt: true, authorId: true } } },
  });
  if (!row || row.deletedAt) return null;
  const canEdit = canEditComment(viewer, row, now.getTime());
  const canDelete = canDeleteComment(viewer, row);
  const seesArticle = isVisibleAt(row.article) || canEditArticle(viewer, row.article);
  if (!seesArticle && !canEdit && !canDelete) return null;
  const editMsLeft = canEdit && !isModerator(viewer) ? editTimeLeft(row.createdAt, now) : null;
  return { id: row.id, subject: canEdit ? row.subject : "", body: canEdit ? row.body : "", canEdit, canDelete, articleTitle: seesArticle ? row.article.title : null, editMsLeft };
}
