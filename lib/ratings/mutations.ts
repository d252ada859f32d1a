// Rating and flagging. Each call says the state the voter wants ("rated" or not), so a repeated
// or concurrent request is harmless: the unique (comment, kind, voter) row decides, and the
// comment's counter moves in the same transaction as the row it counts.
import { getDb, isUniqueViolation, type Tx } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { getSettings } from "../settings/queries";
import { takeDownSpotlights } from "../spotlights/takedown";
import type { Voter } from "./voter";

export type VoteKind = "insightful" | "funny";
export type FlagReason = "abusive" | "trolling" | "spam";

// Flag weight by who flags; a moderator's flag hides the comment at once.
const FLAG_WEIGHT = { visitor: 1, member: 2 } as const;

const COUNTERS = { insightfulCount: true, funnyCount: true } as const;



async function rateableComment(tx: Tx, commentId: string, voter: Voter) {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { id: true, status: true, deletedAt: true, authorId: true, visitorKey: true, article: { select: { slug: true } } },
  });
  if (!comment || comment.deletedAt || (comment.status !== "published" && comment.status !== "hidden")) {
    throw new NotFoundError("That comment is no longer there to rate.");
  }
  const own = voter.userId ? comment.authorId === voter.userId : !comment.authorId && comment.visitorKey === voter.visitorId;
  if (own) throw new ForbiddenError("You cannot rate or flag your own comment.");
  return comment;
}

// `changesPage`: whether readers' view of the article changed (a badge appeared or went, a
// comment folded or unfolded, a hidden comment's reasons changed), i.e. whether its cached page
// must be rebuilt. Most votes change nothing a reader sees.
export type RatingResult = { articleSlug: string; on: boolean; changesPage: boolean };

export async function setVote(voter: Voter, commentId: string, kind: VoteKind, on: boolean): Promise<RatingResult> {
  const db = getDb();
  const counter = kind === "insightful" ? "insightfulCount" : "funnyCount";
  const settings = await getSettings();
  const threshold = kind === "insightful" ? settings.insightfulBadgeThreshold : settings.funnyBadgeThreshold;
  try {
    return await db.$transaction(async (tx) => {
      const comment = await rateableComment(tx, commentId, voter);
      if (on) {
        // A second identical vote hits the unique index and rolls back this transaction whole.
        await tx.vote.create({ data: { commentId, kind, voterKey: voter.key, userId: voter.userId } });
        const after = await tx.comment.update({ where: { id: commentId }, data: { [counter]: { increment: 1 } }, select: COUNTERS });
        return { articleSlug: comment.article.slug, on, changesPage: after[counter] === threshold };
      }
      const { count } = await tx.vote.deleteMany({ where: { commentId, kind, voterKey: voter.key } });
      if (count === 0) return { articleSlug: comment.article.slug, on, changesPage: false };
      const after = await tx.comment.update({ where: { id: commentId }, data: { [counter]: { decrement: count } }, select: COUNTERS });
      const now = after[counter];
      return { articleSlug: comment.article.slug, on, changesPage: now < threshold && now + count >= threshold };
    });
  } catch (error) {
    if (on && isUniqueViolation(error)) return { articleSlug: await slugOf(commentId), on, changesPage: false };
    throw error;
  }
}

/** Flags a comment for a reason, or withdraws this voter's flag (reason null). */
export async function setFlag(voter: Voter, commentId: string, reason: FlagReason | null): Promise<RatingResult> {
  const db = getDb();
  const { flagHideWeight } = await getSettings();
  try {
    return await db.$transaction(async (tx) => {
      const comment = await rateableComment(tx, commentId, voter);
      if (reason) {
        const weight = voter.kind === "moderator" ? flagHideWeight : FLAG_WEIGHT[voter.kind];
        await tx.flag.create({ data: { commentId, voterKey: voter.key, voterKind: voter.kind, userId: voter.userId, reason, weight } });
        await tx.comment.update({ where: { id: commentId }, data: { flagWeight: { increment: weight } } });
      } else {
        const flag = await tx.flag.findUnique({ where: { commentId_voterKey: { commentId, voterKey: voter.key } }, select: { id: true, weight: true } });
        if (!flag) return { articleSlug: comment.article.slug, on: false, changesPage: false };
        const { count } = await tx.flag.deleteMany({ where: { id: flag.id } });
        if (count > 0) {
          const { flagWeight } = await tx.comment.update({ where: { id: commentId }, data: { flagWeight: { decrement: flag.weight } }, select: { flagWeight: true } });
          // Approved weight never exceeds what is left, so a withdrawn flag is not held against later ones.
          await tx.comment.updateMany({ where: { id: commentId, flagWeightApproved: { gt: flagWeight } }, data: { flagWeightApproved: flagWeight } });
        }
      }
      await settleVisibility(tx, commentId, flagHideWeight, reason !== null && voter.kind === "moderator");
      // A hidden comment shows its flags' reasons, so any change to a hidden (or just unhidden) one shows.
      const { status } = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true } });
      return { articleSlug: comment.article.slug, on: reason !== null, changesPage: status === "hidden" || comment.status === "hidden" };
    });
  } catch (error) {
    if (reason && isUniqueViolation(error)) return { articleSlug: await slugOf(commentId), on: true, changesPage: false };
    throw error;
  }
}

/**
 * Hides or shows a comment after a flag change. A moderator's new flag hides it at once; flag
 * weight beyond what a moderator has approved hides it at the threshold, and withdrawn flags
 * that take it back under show it again. Only the community's hiding is undone here: a
 * moderator's decision (their flag, an approval, a removal, a pending review) stands until a
 * moderator changes it in the queue.
 */
async function settleVisibility(tx: Tx, commentId: string, threshold: number, moderatorFlagged: boolean): Promise<void> {
  const c = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true, hiddenBy: true, flagWeight: true, flagWeightApproved: true } });
  const byCommunity = c.flagWeight - c.flagWeightApproved >= threshold;
  const hiddenBy = moderatorFlagged ? "moderator" : byCommunity ? "community" : null;
  if (c.status === "published" && hiddenBy) {
    const { count } = await tx.comment.updateMany({ where: { id: commentId, status: "published" }, data: { status: "hidden", hiddenBy } });
    if (count === 1) await takeDownSpotlights(tx, commentId, hiddenBy === "moderator" ? "hidden by a moderator" : "hidden by community flags");
  } else if (c.status === "hidden" && c.hiddenBy === "community" && hiddenBy !== "community") {
    await tx.comment.updateMany({ where: { id: commentId, status: "hidden", hiddenBy: "community" }, data: hiddenBy ? { hiddenBy } : { status: "published", hiddenBy: null } });
  }
}

async function slugOf(commentId: string): Promise<string> {
  const row = await getDb().comment.findUnique({ where: { id: commentId }, select: { article: { select: { slug: true } } } });
  return row?.article.slug ?? "";
}
