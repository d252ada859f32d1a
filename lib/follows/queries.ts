import "server-only";
import { getViewer } from "../auth/viewer";
import { getDb } from "../db";
import { memberKey } from "./keys";
import type { ArticleFollows } from "./schemas";

/** What the member follows in the article: the discussion itself, and which threads. */
export async function listArticleFollows(userId: string, articleId: string): Promise<ArticleFollows> {
  const rows = await getDb().follow.findMany({ where: { followerKey: memberKey(userId), articleId }, select: { commentId: true } });
  return { article: rows.some((r) => r.commentId === null), threads: rows.flatMap((r) => (r.commentId ? [r.commentId] : [])) };
}

/** For a page rendered for one reader (the fresh view): their follows, or none when signed out. */
export async function currentReaderFollows(articleId: string): Promise<ArticleFollows | undefined> {
  const viewer = await getViewer();
  return viewer ? listArticleFollows(viewer.id, articleId) : undefined;
}
