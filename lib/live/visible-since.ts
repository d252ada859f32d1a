// The database's answer to "which comments became visible lately?", for the hub's poll (all the
// articles that have readers, in one query) and for a reader's catch-up after a reconnect.
//
// "Became visible" is not "was created": a held comment is created pending and shows up when a
// moderator approves it, maybe days later. So a comment counts from its creation if it was
// published at once, or from its approval (the ModerationEvent written in the same transaction).
// A write's timestamps are taken before its transaction commits, so the window reaches back
// LAG_MS behind the cursor; repeats are dropped by id (the hub's `seen`, the reader's page).
import type { Db } from "../db";
import { APPROVE_ACTION, type LiveComment } from "./types";

/** How far behind the cursor a query looks, for writes whose transaction committed late. */
export const LAG_MS = 10_000;
// A reader away for long is better served by reloading than by a list of hundreds.
const MAX_ROWS = 200;

export async function visibleSince(db: Db, articleIds: string[], since: Date): Promise<LiveComment[]> {
  if (articleIds.length === 0) return [];
  const after = { gt: new Date(since.getTime() - LAG_MS) };
  const rows = await db.comment.findMany({
    where: {
      articleId: { in: articleIds },
      status: "published",
      deletedAt: null,
      OR: [{ createdAt: after }, { moderationEvents: { some: { action: APPROVE_ACTION, createdAt: after } } }],
    },
    select: { id: true, articleId: true, parentId: true, rootId: true, visitorKey: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_ROWS,
  });
  return rows.map(({ visitorKey, ...c }) => ({ ...c, poster: visitorKey }));
}
