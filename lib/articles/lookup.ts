// Why a slug shows no article. Asked only on the article page's rare not-found path, so the hot
// path (a visible article) stays one query.
import { getDb } from "../db";
import { parseSlug } from "../route-params";
import { isVisibleAt } from "./permissions";

export type MissingArticle = { movedTo: string } | { scheduledFor: Date } | null;

/** An old slug of a visible article (→ redirect), a scheduled article's slug (→ 404 until its time), or nothing. */
export async function explainMissingArticle(rawSlug: string, now = new Date()): Promise<MissingArticle> {
  const slug = parseSlug(rawSlug);
  if (!slug) return null;
  const db = getDb();
  const select = { slug: true, status: true, publishedAt: true } as const;
  const [redirect, own] = await Promise.all([
    db.articleRedirect.findUnique({ where: { oldSlug: slug }, select: { article: { select } } }),
    db.article.findUnique({ where: { slug }, select }),
  ]);
  const article = own ?? redirect?.article;
  if (!article) return null;
  if (!own && isVisibleAt(article, now)) return { movedTo: article.slug };
  // Scheduled (or, when the page's own query ran a moment before its time, just published):
  // either way the 404 must not outlive publishedAt.
  if (article.status === "published" && article.publishedAt) return { scheduledFor: article.publishedAt };
  return null;
}
