// What one viewer sees of ratings on an article: their own votes and flags (to show each
// control's state) and, for their own comments or for a moderator, the raw counts that readers
// never see.
import "server-only";
import { isModerator } from "../auth/roles";
import { getViewer, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { readVisitorId } from "../visitor";
import type { VoteKind } from "./mutations";

export type RatingCounts = { insightful: number; funny: number; flagWeight: number };
export type ViewerRatings = {
  votes: Record<string, VoteKind[]>;
  flagged: string[];
  own: string[];
  counts: Record<string, RatingCounts>;
};

export async function viewerRatings(articleId: string, viewer: Viewer | null, visitorId: string | null): Promise<ViewerRatings> {
  const db = getDb();
  const voterKey = viewer ? `u:${viewer.id}` : visitorId ? `v:${visitorId}` : null;
  if (!voterKey) return { votes: {}, flagged: [], own: [], counts: {} };
  const ownWhere = viewer ? { authorId: viewer.id } : { authorId: null, visitorKey: visitorId };
  const [votes, flags, counted] = await Promise.all([
    db.vote.findMany({ where: { voterKey, comment: { articleId } }, select: { commentId: true, kind: true } }),
    db.flag.findMany({ where: { voterKey, comment: { articleId } }, select: { commentId: true } }),
    db.comment.findMany({
      where: { articleId, deletedAt: null, ...(isModerator(viewer) ? {} : ownWhere) },
      select: { id: true, authorId: true, visitorKey: true, insightfulCount: true, funnyCount: true, flagWeight: true },
    }),
  ]);
  const byComment: Record<string, VoteKind[]> = {};
  for (const v of votes) (byComment[v.commentId] ??= []).push(v.kind);
  const isOwn = (c: (typeof counted)[number]) => (viewer ? c.authorId === viewer.id : !c.authorId && c.visitorKey === visitorId);
  return {
    votes: byComment,
    flagged: flags.map((f) => f.commentId),
    own: counted.filter(isOwn).map((c) => c.id),
    counts: Object.fromEntries(counted.map((c) => [c.id, { insightful: c.insightfulCount, funny: c.funnyCount, flagWeight: c.flagWeight }])),
  };
}

/** The ratings of whoever is asking: a member by account, anyone else by their visitor cookie. */
export async function currentReaderRatings(articleId: string): Promise<ViewerRatings> {
  const viewer = await getViewer();
  return viewerRatings(articleId, viewer, viewer ? null : await readVisitorId());
}
