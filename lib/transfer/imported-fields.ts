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

const REMEMBERED_EMAILS = 10_000;

/**
 * The member id for a commenter's email, or null: asked of the database once per address, with
 * the last ten thousand answers kept (an archive's commenters come back again and again).
 */
export function membersByEmail(db: Db): (email: string) => Promise<string | null> {
  const known = new Map<string, string | null>();
  return async (email) => {
    if (!email || !looksLikeEmail(email)) return null;
    if (known.has(email)) return known.get(email)!;
    const id = (await db.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    if (known.size >= REMEMBERED_EMAILS) known.delete(known.keys().next().value as string);
    known.set(email, id);
    return id;
  };
}
