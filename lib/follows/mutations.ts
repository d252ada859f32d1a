// Following a discussion or a thread, for a signed-in member. The unique constraint on
// (followerKey, target) is what makes following twice harmless: the write is tried and a
// unique violation counts as done (outside any transaction, so nothing is rolled back).
import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import type { Viewer } from "../auth/viewer";
import { getDb, isUniqueViolation } from "../db";
import { NotFoundError, SignInRequiredError } from "../errors";
import { memberKey, targetKey } from "./keys";
import type { FollowInput } from "./schemas";

export type FollowTarget = { articleId: string; slug: string; commentId?: string };

/**
 * The article (visible now) and, for a thread, the comment (published, in that article); a
 * NotFoundError otherwise, so a hidden, pending or foreign comment cannot be followed.
 */
export async function resolveFollowTarget(articleId: string, commentId: string | undefined, now = new Date()): Promise<FollowTarget> {
  const db = getDb();
  const article = await db.article.findFirst({ where: { id: articleId, ...visibleArticleWhere(now) }, select: { id: true, slug: true } });
  if (!article) throw new NotFoundError("That discussion is not available.");
  if (!commentId) return { articleId: article.id, slug: article.slug };
  const comment = await db.comment.findFirst({ where: { id: commentId, articleId: article.id, status: "published", deletedAt: null }, select: { id: true } });
  if (!comment) throw new NotFoundError("That comment is not available.");
  return { articleId: article.id, slug: article.slug, commentId: comment.id };
}

/** Inserts the follow unless it is there already (a concurrent insert counts as done). */
export async function insertFollow(data: { followerKey: string; target: string; articleId: string; commentId?: string; userId?: string; mailAddressId?: string }): Promise<void> {
  const db = getDb();
  if (await db.follow.findUnique({ where: { followerKey_target: { followerKey: data.followerKey, target: data.target } }, select: { id: true } })) return;
  try {
    await db.follow.create({ data: { ...data, commentId: data.commentId ?? null } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Follows or unfollows; idempotent both ways. Returns the target and whether it is now followed. */
export async function setFollow(viewer: Viewer | null, input: FollowInput, now = new Date()): Promise<FollowTarget & { following: boolean }> {
  if (!viewer) throw new SignInRequiredError("Sign in to follow discussions.");
  const target = await resolveFollowTarget(input.articleId, input.commentId, now);
  const key = { followerKey: memberKey(viewer.id), target: targetKey(target.articleId, target.commentId) };
  if (input.intent === "follow") {
    await insertFollow({ ...key, articleId: target.articleId, commentId: target.commentId, userId: viewer.id });
    return { ...target, following: true };
  }
  await getDb().follow.deleteMany({ where: key });
  return { ...target, following: false };
}
