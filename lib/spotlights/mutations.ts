// Claiming an article's First Word or Last Word. One of each per article is a unique index, so
// of members claiming at once exactly one gets it; the spend is in the same transaction, so the
// others are not charged.
import "server-only";
import type { Viewer } from "../auth/viewer";
import { spendCredits } from "../credits/ledger";
import { getDb, isUniqueViolation } from "../db";
import { AlreadyClaimedError, BannedFromSpotlightsError, ForbiddenError, NotFoundError } from "../errors";
import { COMMENT_GONE, ONLY_VISIBLE_COMMENTS } from "./refusals";
import { notifyCommentAuthor } from "../notifications/outbox";
import { getSettings } from "../settings/queries";
import { spotlightLabel } from "./takedown";

export type SpotlightKind = "first" | "last";

export async function claimSpotlight(viewer: Viewer, commentId: string, kind: SpotlightKind): Promise<{ articleSlug: string }> {
  if (viewer.isBanned) throw new BannedFromSpotlightsError();
  const settings = await getSettings();
  const cost = kind === "first" ? settings.firstWordCost : settings.lastWordCost;
  try {
    return await getDb().$transaction(async (tx) => {
      const comment = await tx.comment.findUnique({
        where: { id: commentId },
        select: { status: true, deletedAt: true, articleId: true, article: { select: { slug: true, title: true } } },
      });
      if (!comment) throw new NotFoundError(COMMENT_GONE);
      if (comment.deletedAt || comment.status !== "published") throw new ForbiddenError(ONLY_VISIBLE_COMMENTS);
      if (await tx.spotlight.findUnique({ where: { articleId_kind: { articleId: comment.articleId, kind } }, select: { id: true } })) {
        throw new AlreadyClaimedError(kind);
      }
      await tx.spotlight.create({ data: { articleId: comment.articleId, kind, commentId, userId: viewer.id, cost } });
      await spendCredits(tx, viewer.id, cost, `${spotlightLabel(kind)} on ${comment.article.title}`);
      await notifyCommentAuthor(tx, commentId, "spotlight", kind, { exceptUserId: viewer.id });
      return { articleSlug: comment.article.slug };
    });
  } catch (error) {
    // Two claims racing past the check above: the index lets one in and rolls the other back whole.
    if (isUniqueViolation(error)) throw new AlreadyClaimedError(kind);
    throw error;
  }
}
