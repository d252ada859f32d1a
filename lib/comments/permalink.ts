import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { parseId } from "../route-params";
import { defaultPageOf } from "./queries";
import { defaultThreadView, threadViewHref } from "./thread-view";

/**
 * Where a public comment lives: its article and the page of the discussion that shows it (long
 * discussions are paged). Null for unknown ids, pending comments and unpublished articles.
 */
export async function getCommentLocation(rawId: string) {
  const id = parseId(rawId);
  if (!id) return null;
  const comment = await getDb().comment.findFirst({
    where: { id, status: { not: "pending" }, article: visibleArticleWhere() },
    select: { id: true, articleId: true, article: { select: { slug: true } } },
  });
  if (!comment) return null;
  const page = await defaultPageOf(comment.articleId, comment.id);
  const href = threadViewHref(`/articles/${comment.article.slug}`, { ...defaultThreadView, page }, `comment-${comment.id}`);
  return { slug: comment.article.slug, commentId: comment.id, page, href };
}
