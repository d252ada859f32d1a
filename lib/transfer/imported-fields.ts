// What the WordPress and Disqus imports share: cleaning a field as a form would, and bringing
// each article's comment count up to date once its comments are in.
import type { Db } from "../db";
import { cleanText, stripBidiControls } from "../text";

/** One line of plain text, as the forms keep it: no controls, no bidi overrides, spaces collapsed. */
export const oneLine = (value: string, max: number) => stripBidiControls(cleanText(value)).replace(/\s+/g, " ").trim().slice(0, max);

export const looksLikeEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && email.trim().length <= 254;

/** Sets each article's comment count from its rows (published and hidden comments not deleted). */
export async function recountComments(db: Db, articleIds: Iterable<string>): Promise<void> {
  for (const articleId of articleIds) {
    const commentCount = await db.comment.count({ where: { articleId, status: { in: ["published", "hidden"] }, deletedAt: null } });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { commentCount: true, updatedAt: true } });
    // The article itself has not changed: its "updated" time stays as it was.
    if (article.commentCount !== commentCount) await db.article.update({ where: { id: articleId }, data: { commentCount, updatedAt: article.updatedAt } });
  }
}
