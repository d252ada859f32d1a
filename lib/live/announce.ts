// The one live hub of this app instance, and the call the post path makes when a comment becomes
// visible (posted published, or approved by a moderator).
import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { onShutdown } from "../server/shutdown";
import { LiveHub } from "./hub";
import type { LiveComment } from "./types";

const holder = globalThis as unknown as { deptLiveHub?: LiveHub };

export function getLiveHub(): LiveHub {
  if (!holder.deptLiveHub) {
    const hub = new LiveHub({ db: getDb, redisUrl: env().REDIS_URL });
    holder.deptLiveHub = hub;
    // On SIGTERM the readers' streams end at once (their browsers reconnect, through the load
    // balancer, to an instance that stays); Redis is let go after the last post has announced.
    onShutdown("live-streams", () => hub.endStreams(), "stop");
    onShutdown("live-hub", () => hub.close());
  }
  return holder.deptLiveHub;
}

/**
 * Tells readers of the article (on every instance) that the comment is there to see, once its
 * write has committed. Reads the comment back (one row by id) so the callers need not carry its
 * place in the tree, and says nothing of one that is not visible. Never fails the write that
 * called it: without Redis the other instances find it in the database.
 */
export async function announceComment(commentId: string): Promise<void> {
  try {
    const c = await getDb().comment.findUnique({
      where: { id: commentId },
      select: { id: true, articleId: true, parentId: true, rootId: true, visitorKey: true, status: true, deletedAt: true },
    });
    if (!c || c.status !== "published" || c.deletedAt) return;
    await announceLiveComment({ id: c.id, articleId: c.articleId, parentId: c.parentId, rootId: c.rootId, poster: c.visitorKey });
  } catch {
    /* readers elsewhere still see it through the database poll or on their next visit */
  }
}

/** The same for a comment the caller has just published and knows in full (the post path): no read. */
export async function announceLiveComment(comment: LiveComment): Promise<void> {
  try {
    await getLiveHub().announce(comment);
  } catch {
    /* as above */
  }
}
