import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { parseId } from "../route-params";

/** Where a public comment lives; null for unknown ids, pending comments and unpublished articles. */
export async function getCommentLocation(rawId: string) {
  const id = parseId(rawId);
  if (!id) return null;
  const comment = await getDb().comment.findFirst({
    where: { id, status: { not: "pending" }, article: visibleArticleWhere() },
    select: { id: true, article: { select: { slug: true } } },
  });
  return comment ? { slug: comment.article.slug, commentId: comment.id } : null;
}
