// Who may write and edit articles. The pages use these to decide what to show; the mutations
// use them again, because a server action can be called without ever opening the page.
import { hasRole, isAdmin, type Role } from "../auth/roles";
import { ForbiddenError } from "../errors";

type Writer = { id: string; role: Role; isBanned: boolean };

export const FOR_AUTHORS = "This page is for authors.";
export const NOT_YOURS = "You can only edit your own articles.";

export function canWrite(viewer: Writer | null | undefined): viewer is Writer {
  return !!viewer && !viewer.isBanned && hasRole(viewer, "author");
}

/** Authors edit their own articles; admins edit anyone's. */
export function canEditArticle(viewer: Writer | null | undefined, article: { authorId: string }): boolean {
  return canWrite(viewer) && (article.authorId === viewer.id || isAdmin(viewer));
}

export function requireWriter<V extends Writer>(viewer: V | null | undefined): V {
  if (!canWrite(viewer)) throw new ForbiddenError("Only authors can write articles.");
  return viewer;
}

/** Published and its time has come: the same rule as visibleArticleWhere, for one row in hand. */
export function isVisibleAt(article: { status: string; publishedAt: Date | null }, now = new Date()): boolean {
  return article.status === "published" && article.publishedAt !== null && article.publishedAt <= now;
}

export type ArticleState = "draft" | "scheduled" | "published";

export function articleState(article: { status: string; publishedAt: Date | null }, now = new Date()): ArticleState {
  if (article.status !== "published" || !article.publishedAt) return "draft";
  return article.publishedAt > now ? "scheduled" : "published";
}
