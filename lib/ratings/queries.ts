// What one viewer sees of ratings on an article: their own votes and flags (to show each
// control's state) and, for their own comments or for a moderator, the raw counts that readers
// never see.
import "server-only";
import { isModerator } from "../auth/roles";
import { getViewer, type Viewer } from "../auth/viewer";
import { canDeleteComment, canEditComment, type Owned as Permissions } from "../comments/permissions";
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

type Owned = Permissions & { id: string; visitorKey: string | null };

type Mark = {
  commentId: string | null;
  kind: VoteKind | "flag" | "follow" | "counted";
  // Only on "counted" rows: a comment whose counts the viewer may see (their own; any, for a moderator).
  authorId: string | null;
  visitorKey: string | null;
  insightfulCount: number | null;
  funnyCount: number | null;
  flagWeight: number | null;
  status: string | null;
  // Text on SQLite, a Date on PostgreSQL.
  createdAt: string | Date | null;
};

/** The viewer's votes, flags and follows on the article, and the comments whose counts they may see. */
async function readArticleState(articleId: string, viewer: Viewer | null, visitorId: string | null) {
  const db = getDb();
  const voterKey = viewer ? `u:${viewer.id}` : visitorId ? `v:${visitorId}` : null;
  if (!voterKey) return null;
  // Only members follow ("" is no one's key).
  const followerKey = viewer ? memberKey(viewer.id) : "";
  // Whose comments' counts: a moderator's, every comment's; a member's, their own; anyone else's,
  // those their visitor cookie wrote without an account.
  // ("" matches no comment: ids and visitor keys are never empty.)
  const scope = isModerator(viewer) ? "all" : "own";
  const memberId = viewer?.id ?? "";
  const anonymousKey = viewer ? "" : (visitorId ?? "");
  // One statement for all of it (the same SQL on SQLite and PostgreSQL): this runs on every
  // signed-in page view, and each statement costs several times more in Prisma's client than in
  // the database (~170 µs for a findMany, ~35 µs for raw SQL).
  // (The comments come first: PostgreSQL types a UNION's columns from left to right, and would
  // make the other branches' NULLs text before meeting the counts.)
  const rows = await db.$queryRaw<Mark[]>`
    SELECT c."id" AS "commentId", 'counted' AS "kind", c."authorId" AS "authorId", c."visitorKey" AS "visitorKey",
           c."insightfulCount" AS "insightfulCount", c."funnyCount" AS "funnyCount", c."flagWeight" AS "flagWeight",
           CAST(c."status" AS TEXT) AS "status", c."createdAt" AS "createdAt"
      FROM "Comment" c
      WHERE c."articleId" = ${articleId} AND c."deletedAt" IS NULL
        AND (${scope} = 'all' OR c."authorId" = ${memberId} OR (c."authorId" IS NULL AND c."visitorKey" = ${anonymousKey}))
    UNION ALL
    SELECT v."commentId", CAST(v."kind" AS TEXT), NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM "Vote" v JOIN "Comment" c ON c."id" = v."commentId"
      WHERE v."voterKey" = ${voterKey} AND c."articleId" = ${articleId}
    UNION ALL
    SELECT f."commentId", 'flag', NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM "Flag" f JOIN "Comment" c ON c."id" = f."commentId"
      WHERE f."voterKey" = ${voterKey} AND c."articleId" = ${articleId}
    UNION ALL
    SELECT fo."commentId", 'follow', NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM "Follow" fo
      WHERE fo."followerKey" = ${followerKey} AND fo."articleId" = ${articleId}`;
  const byComment: Record<string, VoteKind[]> = {};
  const flagged: string[] = [];
  const follows: ArticleFollows = { article: false, threads: [] };
  const counted: Owned[] = [];
  const counts: Record<string, RatingCounts> = {};
  for (const row of rows) {
    const { commentId, kind } = row;
    if (kind === "counted") {
      const id = commentId!;
      counted.push({ id, authorId: row.authorId, visitorKey: row.visitorKey, status: row.status!, deletedAt: null, createdAt: new Date(row.createdAt!) });
      counts[id] = { insightful: Number(row.insightfulCount), funny: Number(row.funnyCount), flagWeight: Number(row.flagWeight) };
    } else if (kind === "follow") {
      if (commentId === null) follows.article = true;
      else follows.threads.push(commentId);
    } else if (commentId !== null) {
      if (kind === "flag") flagged.push(commentId);
      else (byComment[commentId] ??= []).push(kind);
    }
  }
  const isOwn = (c: Owned) => (viewer ? c.authorId === viewer.id : !c.authorId && c.visitorKey === visitorId);
  const ratings: ViewerRatings = { votes: byComment, flagged, own: counted.filter(isOwn).map((c) => c.id), counts };
  return { ratings, counted, follows: viewer ? follows : undefined };
}

export async function viewerRatings(articleId: string, viewer: Viewer | null, visitorId: string | null): Promise<ViewerRatings> {
  return (await readArticleState(articleId, viewer, visitorId))?.ratings ?? NO_RATINGS;
}

export type ViewerArticleState = { ratings: ViewerRatings; editable: string[]; deletable: string[]; follows?: ArticleFollows };

/** Everything about one viewer on an article: their ratings, which comments they may edit or
 *  delete, and (for a member) what they follow. One statement. */
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
