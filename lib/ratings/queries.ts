// What one viewer sees of ratings on an article: their own votes and flags (to show each
// control's state) and, for their own comments or for a moderator, the raw counts that readers
// never see.
import "server-only";
import { isModerator } from "../auth/roles";
import { getViewer, type Viewer } from "../auth/viewer";
import { canDeleteComment, canEditComment } from "../comments/permissions";
import { getDb } from "../db";
import { memberKey } from "../follows/keys";
import type { ArticleFollows } from "../follows/schemas";
import { readVisitorId } from "../visitor";
import type { VoteKind } from "./mutations";

export type RatingCounts = { insightful: number; funny: number; flagWeight: number };
export type ViewerRatings = {
  votes: Record<string, VoteKind[]>;
  flagged: string[];
  own: string[];
  counts: Record<string, RatingCounts>;
};

const NO_RATINGS: ViewerRatings = { votes: {}, flagged: [], own: [], counts: {} };

/** The viewer's votes, flags and follows on the article, and the comments whose counts they may see. */
async function readArticleState(articleId: string, viewer: Viewer | null, visitorId: string | null) {
  const db = getDb();
  const voterKey = viewer ? `u:${viewer.id}` : visitorId ? `v:${visitorId}` : null;
  if (!voterKey) return null;
  // Only members follow ("" is no one's key).
  const followerKey = viewer ? memberKey(viewer.id) : "";
  const ownWhere = viewer ? { authorId: viewer.id } : { authorId: null, visitorKey: visitorId };
  const [marks, counted] = await Promise.all([
    // The reader's votes, flags (kind "flag") and follows (kind "follow"; no comment: the whole
    // discussion) in one statement: this runs on every signed-in page view, and each statement
    // costs more in Prisma's client than in the database.
    db.$queryRaw<{ commentId: string | null; kind: VoteKind | "flag" | "follow" }[]>`
      SELECT v."commentId" AS "commentId", CAST(v."kind" AS TEXT) AS "kind"
        FROM "Vote" v JOIN "Comment" c ON c."id" = v."commentId"
        WHERE v."voterKey" = ${voterKey} AND c."articleId" = ${articleId}
      UNION ALL
      SELECT f."commentId", 'flag'
        FROM "Flag" f JOIN "Comment" c ON c."id" = f."commentId"
        WHERE f."voterKey" = ${voterKey} AND c."articleId" = ${articleId}
      UNION ALL
      SELECT fo."commentId", 'follow'
        FROM "Follow" fo
        WHERE fo."followerKey" = ${followerKey} AND fo."articleId" = ${articleId}`,
    // The same rows say which comments the viewer may edit or delete (viewerArticleState).
    db.comment.findMany({
      where: { articleId, deletedAt: null, ...(isModerator(viewer) ? {} : ownWhere) },
      select: { id: true, authorId: true, visitorKey: true, insightfulCount: true, funnyCount: true, flagWeight: true, createdAt: true, deletedAt: true, status: true },
    }),
  ]);
  const byComment: Record<string, VoteKind[]> = {};
  const flagged: string[] = [];
  const follows: ArticleFollows = { article: false, threads: [] };
  for (const { commentId, kind } of marks) {
    if (kind === "follow") {
      if (commentId === null) follows.article = true;
      else follows.threads.push(commentId);
    } else if (commentId !== null) {
      if (kind === "flag") flagged.push(commentId);
      else (byComment[commentId] ??= []).push(kind);
    }
  }
  const isOwn = (c: (typeof counted)[number]) => (viewer ? c.authorId === viewer.id : !c.authorId && c.visitorKey === visitorId);
  const ratings: ViewerRatings = {
    votes: byComment,
    flagged,
    own: counted.filter(isOwn).map((c) => c.id),
    counts: Object.fromEntries(counted.map((c) => [c.id, { insightful: c.insightfulCount, funny: c.funnyCount, flagWeight: c.flagWeight }])),
  };
  return { ratings, counted, follows: viewer ? follows : undefined };
}

export async function viewerRatings(articleId: string, viewer: Viewer | null, visitorId: string | null): Promise<ViewerRatings> {
  return (await readArticleState(articleId, viewer, visitorId))?.ratings ?? NO_RATINGS;
}

export type ViewerArticleState = { ratings: ViewerRatings; editable: string[]; deletable: string[]; follows?: ArticleFollows };

/** Everything about one viewer on an article: their ratings, which comments they may edit or
 *  delete, and (for a member) what they follow. Two statements. */
export async function viewerArticleState(articleId: string, viewer: Viewer | null, visitorId: string | null): Promise<ViewerArticleState> {
  const state = await readArticleState(articleId, viewer, visitorId);
  if (!state) return { ratings: NO_RATINGS, editable: [], deletable: [] };
  const { ratings, counted, follows } = state;
  const may = (allowed: (c: (typeof counted)[number]) => boolean) => counted.filter(allowed).map((c) => c.id);
  return { ratings, editable: may((c) => canEditComment(viewer, c)), deletable: may((c) => canDeleteComment(viewer, c)), ...(follows ? { follows } : {}) };
}

/** The ratings of whoever is asking: a member by account, anyone else by their visitor cookie. */
export async function currentReaderRatings(articleId: string): Promise<ViewerRatings> {
  const viewer = await getViewer();
  return viewerRatings(articleId, viewer, viewer ? null : await readVisitorId());
}
