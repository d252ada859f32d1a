// Rating and flagging. Each call says the state the voter wants ("rated" or not), so a repeated
// or concurrent request is harmless: the unique (comment, kind, voter) row decides. Every voice
// is recorded with its trust level and network; what it *adds* toward a badge or hiding is
// decided by lib/trust from what is already there, and the comment's counters move in the same
// transaction as the row. A voice that adds weight locks the comment row first, so two voices
// from one network can never both slip under the per-network cap; one that adds nothing (an
// anonymous or new voice, by default) takes no lock, so a burst of those never queues the rest.
import "server-only";
import { getDb, isUniqueViolation, type Tx } from "../db";
import { ForbiddenError, NotFoundError, RateLimitedError } from "../errors";
import { notifyCommentAuthor } from "../notifications/outbox";
import { sweepNowAndThen, type LimitCheck } from "../rate-limit";
import { countFailedAttempt, takeSlotsIn } from "../rate-limit-tx";
import { getSettings } from "../settings/queries";
import type { SiteSettings } from "../settings/defaults";
import { takeDownSpotlights } from "../spotlights/takedown";
import { UNTRUSTED_LEVELS, countedWeight } from "../trust/tally";
import { voiceOf } from "../trust/voice";
import { flagWeight as flagWeightOf, ratingWeight } from "../trust/weights";
import { tooFastToRate } from "./limits";
import type { Voter } from "./voter";

export type VoteKind = "insightful" | "funny";
export type FlagReason = "abusive" | "trolling" | "spam";

const FIELDS = {
  insightful: { count: "insightfulCount", weight: "insightfulWeight" },
  funny: { count: "funnyCount", weight: "funnyWeight" },
} as const;

/**
 * Checks the comment can be rated by this voter, first locking its row for this transaction when
 * `lock`; with it come the weights a vote compares against its threshold (one read of the row).
 */
async function rateableComment(tx: Tx, commentId: string, voter: Voter, lock: boolean) {
  if (lock) await tx.comment.updateMany({ where: { id: commentId }, data: { flagWeight: { increment: 0 } } });
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { id: true, status: true, deletedAt: true, authorId: true, visitorKey: true, articleId: true, insightfulWeight: true, funnyWeight: true },
  });
  if (!comment || comment.deletedAt || (comment.status !== "published" && comment.status !== "hidden")) {
    throw new NotFoundError("That comment is no longer there to rate.");
  }
  const own = voter.userId ? comment.authorId === voter.userId : !comment.authorId && comment.visitorKey === voter.visitorId;
  if (own) throw new ForbiddenError("You cannot rate or flag your own comment.");
  return comment;
}

// `articleId`: the comment's article (its slug is read only when a page is to be invalidated).
// `changesPage`: whether readers' view of the article changed (a badge appeared or went, a
// comment folded or unfolded, a hidden comment's reasons changed), i.e. whether its cached page
// must be rebuilt. Most votes change nothing a reader sees.
// hiddenBy: who has the comment hidden now, after a flag or its withdrawal (the flagger's page
// shows it folded at once; the cached page only on its next load).
export type RatingResult = { articleId: string; on: boolean; changesPage: boolean; hiddenBy?: "moderator" | "community" | null };

/**
 * What the caller already has: the settings it read (not read again), and the rate limits to
 * count inside the write (lib/ratings/limits.ts; a refusal throws RateLimitedError, nothing
 * written). Without them (tests, scripts) the settings are read here and nothing is limited.
 */
export type RatingContext = { settings?: SiteSettings; limits?: LimitCheck[] };

async function withinLimits(tx: Tx, limits: LimitCheck[] | undefined): Promise<void> {
  if (!limits?.length) return;
  const decision = await takeSlotsIn(tx, limits);
  if (!decision.allowed) throw tooFastToRate(decision.retryAfterMs);
}

/** A rating that failed inside its transaction still counts against the limits (rate-limit-tx.ts). */
async function countAttempt(error: unknown, limits: LimitCheck[] | undefined): Promise<void> {
  if (error instanceof RateLimitedError) return;
  const decision = await countFailedAttempt(limits);
  if (!decision.allowed) throw tooFastToRate(decision.retryAfterMs);
}

async function prepare(context: RatingContext): Promise<SiteSettings> {
  if (context.limits?.length) await sweepNowAndThen();
  return context.settings ?? (await getSettings());
}

export async function setVote(voter: Voter, commentId: string, kind: VoteKind, on: boolean, context: RatingContext = {}): Promise<RatingResult> {
  const db = getDb();
  const { count: countField, weight: weightField } = FIELDS[kind];
  const settings = await prepare(context);
  const threshold = kind === "insightful" ? settings.insightfulBadgeThreshold : settings.funnyBadgeThreshold;
  try {
    return await db.$transaction(async (tx) => {
      await withinLimits(tx, context.limits);
      const { level } = await voiceOf(tx, voter, settings);
      const offered = ratingWeight(level, threshold, settings);
      // Withdrawing may take weight away, which the lock keeps in step with the cap too.
      const comment = await rateableComment(tx, commentId, voter, !on || offered > 0);
      const was = comment[weightField];
      let delta: number;
      if (on) {
        const weight = await counted(tx, "vote", { commentId, kind }, voter.network, level, offered, threshold, settings);
        // A second identical vote hits the unique index and rolls back this transaction whole.
        await tx.vote.create({ data: { commentId, kind, voterKey: voter.key, userId: voter.userId, trust: level, weight, network: voter.network }, select: { id: true } });
        await tx.comment.updateMany({ where: { id: commentId }, data: { [countField]: { increment: 1 }, [weightField]: { increment: weight } } });
        delta = weight;
        // Crossing the threshold earns the badge: its author hears of it (once per comment and kind).
        if (was < threshold && was + delta >= threshold) await notifyCommentAuthor(tx, commentId, "badge", kind, { exceptUserId: voter.userId ?? undefined });
      } else {
        const vote = await tx.vote.findUnique({ where: { commentId_kind_voterKey: { commentId, kind, voterKey: voter.key } }, select: { id: true, weight: true } });
        if (!vote) return { articleId: comment.articleId, on, changesPage: false };
        await tx.vote.delete({ where: { id: vote.id }, select: { id: true } });
        await tx.comment.updateMany({ where: { id: commentId }, data: { [countField]: { decrement: 1 }, [weightField]: { decrement: vote.weight } } });
        delta = -vote.weight;
      }
      return { articleId: comment.articleId, on, changesPage: was < threshold !== was + delta < threshold };
    });
  } catch (error) {
    await countAttempt(error, context.limits);
    if (on && isUniqueViolation(error)) return { articleId: await articleIdOf(commentId), on, changesPage: false };
    throw error;
  }
}

/** Flags a comment for a reason, or withdraws this voter's flag (reason null). */
export async function setFlag(voter: Voter, commentId: string, reason: FlagReason | null, context: RatingContext = {}): Promise<RatingResult> {
  const db = getDb();
  const settings = await prepare(context);
  const { flagHideWeight } = settings;
  try {
    return await db.$transaction(async (tx) => {
      await withinLimits(tx, context.limits);
      const { level, record } = await voiceOf(tx, voter, settings);
      const offered = flagWeightOf(level, record, settings);
      const comment = await rateableComment(tx, commentId, voter, !reason || offered > 0);
      let moderatorFlagged = false;
      if (reason) {
        moderatorFlagged = level === "moderator";
        const weight = await counted(tx, "flag", { commentId }, voter.network, level, offered, flagHideWeight, settings);
        await tx.flag.create({ data: { commentId, voterKey: voter.key, voterKind: voter.kind, userId: voter.userId, reason, weight, trust: level, network: voter.network } });
        await tx.comment.update({ where: { id: commentId }, data: { flagWeight: { increment: weight } } });
      } else {
        const flag = await tx.flag.findUnique({ where: { commentId_voterKey: { commentId, voterKey: voter.key } }, select: { id: true, weight: true } });
        if (!flag) return { articleId: comment.articleId, on: false, changesPage: false };
        await tx.flag.delete({ where: { id: flag.id } });
        const { flagWeight } = await tx.comment.update({ where: { id: commentId }, data: { flagWeight: { decrement: flag.weight } }, select: { flagWeight: true } });
        // Approved weight never exceeds what is left, so a withdrawn flag is not held against later ones.
        await tx.comment.updateMany({ where: { id: commentId, flagWeightApproved: { gt: flagWeight } }, data: { flagWeightApproved: flagWeight } });
      }
      await settleVisibility(tx, commentId, flagHideWeight, moderatorFlagged);
      // A hidden comment shows its flags' reasons, so any change to a hidden (or just unhidden) one shows.
      const { status, hiddenBy } = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true, hiddenBy: true } });
      const hidden = status === "hidden" && (hiddenBy === "moderator" || hiddenBy === "community") ? hiddenBy : null;
      return { articleId: comment.articleId, on: reason !== null, changesPage: status === "hidden" || comment.status === "hidden", hiddenBy: hidden };
    });
  } catch (error) {
    await countAttempt(error, context.limits);
    if (reason && isUniqueViolation(error)) return { articleId: await articleIdOf(commentId), on: true, changesPage: false };
    throw error;
  }
}

/** What a new voice adds, given the voices already on this comment (lib/trust/tally.ts). */
async function counted(
  tx: Tx,
  table: "vote" | "flag",
  where: { commentId: string; kind?: VoteKind },
  network: string,
  level: Parameters<typeof countedWeight>[0],
  weight: number,
  threshold: number,
  settings: SiteSettings,
): Promise<number> {
  if (weight <= 0 || level === "moderator") return Math.max(0, weight);
  // Moderators' voices are theirs, not their network's: they never use up a network's share.
  const sameNetwork = { ...where, network, weight: { gt: 0 }, trust: { not: "moderator" } };
  const untrusted = { ...where, trust: { in: UNTRUSTED_LEVELS } };
  const [countedFromNetwork, untrustedSum] =
    table === "vote"
      ? await Promise.all([tx.vote.count({ where: sameNetwork }), tx.vote.aggregate({ where: untrusted, _sum: { weight: true } })])
      : await Promise.all([tx.flag.count({ where: sameNetwork }), tx.flag.aggregate({ where: untrusted, _sum: { weight: true } })]);
  return countedWeight(level, weight, { threshold, networkCap: settings.networkVoiceCap, countedFromNetwork, untrustedWeight: untrustedSum._sum.weight ?? 0 });
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
    if (count === 1) {
      await takeDownSpotlights(tx, commentId, hiddenBy === "moderator" ? "hidden by a moderator" : "hidden by community flags");
      await notifyCommentAuthor(tx, commentId, "hidden", await hiddenReason(tx, commentId, hiddenBy));
    }
  } else if (c.status === "hidden" && c.hiddenBy === "community" && hiddenBy !== "community") {
    await tx.comment.updateMany({ where: { id: commentId, status: "hidden", hiddenBy: "community" }, data: hiddenBy ? { hiddenBy } : { status: "published", hiddenBy: null } });
  }
}

const REASON_WORDS: Record<string, string> = { abusive: "abusive", trolling: "trolling", spam: "spam" };

/** What the author is told: who hid it, and what its flaggers said most often. */
async function hiddenReason(tx: Tx, commentId: string, by: "moderator" | "community"): Promise<string> {
  const flags = await tx.flag.findMany({ where: { commentId }, select: { reason: true } });
  const tally = new Map<string, number>();
  for (const f of flags) tally.set(f.reason, (tally.get(f.reason) ?? 0) + 1);
  const top = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0];
  const said = top ? ` as ${REASON_WORDS[top] ?? top}` : "";
  return by === "moderator" ? `Hidden by a moderator who flagged it${said}` : `Hidden after readers flagged it${said}`;
}

async function articleIdOf(commentId: string): Promise<string> {
  const row = await getDb().comment.findUnique({ where: { id: commentId }, select: { articleId: true } });
  return row?.articleId ?? "";
}

/** The slug of a rating's article, for invalidating its page. */
export async function articleSlugOf(articleId: string): Promise<string> {
  const row = await getDb().article.findUnique({ where: { id: articleId }, select: { slug: true } });
  return row?.slug ?? "";
}
