// Writing comments. Each write is one transaction: the comment row and the article's comment
// count change together, so the count is exact even under concurrent posts.
import "server-only";
import { isModerator } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError, SignInRequiredError } from "../errors";
import { postingBan } from "../moderation/posting-bans";
import { networkKeyOf } from "../request";
import { followOwnComment, notifyNewComment } from "../notifications/outbox";
import { getSettings } from "../settings/queries";
import { anonymousTag } from "../visitor";
import type { LiveComment } from "../live/types";
import { sweepNowAndThen } from "../rate-limit";
import { countFailedFlood, countLinks, enforceFloodLimits, refuseDuplicate } from "./guards";
import { newCommentId } from "./ids";
import type { AnonymousPoster, CreateCommentInput } from "./schemas";

/** `network`: the poster's network (lib/request.ts clientNetwork); when absent, the one `ip` is in. */
export type Poster = { viewer: Viewer | null; anonymous?: AnonymousPoster; visitorId: string; ip: string; network?: string };
/**
 * A pending comment says why it waits: too many links, or a network a banned poster used.
 * `live`: what readers with the article open are told of it (lib/live), once it is published.
 */
export type CreatedComment = { id: string; articleSlug: string; status: "published" | "pending"; heldBecause?: "links" | "network"; live: LiveComment };

// Anonymous comments carrying more links than this wait for a moderator.
export const ANONYMOUS_LINK_LIMIT = 2;

export const SIGN_IN_TO_COMMENT = "Please sign in to comment.";

export async function createComment(poster: Poster, input: CreateCommentInput, now = new Date()): Promise<CreatedComment> {
  const db = getDb();
  const settings = await getSettings();
  const { viewer } = poster;
  if (viewer?.isBanned) throw new ForbiddenError("Your account may not post comments.");
  if (!viewer && (!settings.anonymousCommenting || !poster.anonymous)) throw new SignInRequiredError(SIGN_IN_TO_COMMENT);
  const network = poster.network && poster.network !== "unknown" ? poster.network : networkKeyOf(poster.ip);
  // No address known (a request that did not come through the site's server): nothing to ban.
  const storedNetwork = network === "unknown" ? null : network;
  const ban = await postingBan(
    viewer
      ? { kind: "member", userId: viewer.id, isStaff: isModerator(viewer), network: storedNetwork }
      : { kind: "anonymous", visitorId: poster.visitorId, email: poster.anonymous!.anonEmail, network: storedNetwork },
    now,
  );
  if (ban === "refused") throw new ForbiddenError("You may not post comments here.");
  const keys = { userId: viewer?.id, visitorId: poster.visitorId, ip: poster.ip, network, isAnonymous: !viewer };
  const heldBecause = ban === "held" ? "network" : !viewer && countLinks(input.body) > ANONYMOUS_LINK_LIMIT ? "links" : undefined;
  const status = heldBecause ? "pending" : "published";
  await sweepNowAndThen(now.getTime());
  let limitsTaken = false;
  const created = await db.$transaction(async (tx) => {
    // The guards read and count inside the write: two identical or too-fast posts sent at once
    // cannot both pass, and a refused post takes no flood slot.
    await refuseDuplicate(tx, keys, input.articleId, input.body, now.getTime());
    await enforceFloodLimits(tx, keys, settings, now.getTime());
    limitsTaken = true;
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticleWhere() }, select: { id: true, slug: true } });
    if (!article) throw new NotFoundError("That article is not open for comments.");
    const parent = input.parentId
      ? await tx.comment.findFirst({
          where: { id: input.parentId, articleId: article.id, status: { in: ["published", "hidden"] }, deletedAt: null },
          select: { id: true, rootId: true, depth: true },
        })
      : null;
    if (input.parentId && !parent) throw new NotFoundError("The comment you replied to is no longer there.");
    const id = newCommentId(now.getTime());
    const rootId = parent ? (parent.rootId ?? parent.id) : id;
    await tx.comment.create({
      data: {
        id,
        articleId: article.id,
        parentId: parent?.id,
        rootId,
        depth: parent ? parent.depth + 1 : 0,
        authorId: viewer?.id,
        subject: input.subject,
        body: input.body,
        status,
        visitorKey: poster.visitorId,
        network: storedNetwork,
        ...(viewer
          ? {}
          : {
              anonName: poster.anonymous!.anonName || null,
              anonEmail: poster.anonymous!.anonEmail,
              anonWebsite: poster.anonymous!.anonWebsite || null,
              anonTag: anonymousTag(article.id, poster.visitorId),
            }),
      },
      select: { id: true },
    });
    // Posting follows your own thread: replies anywhere below it will find you (lib/notifications).
    if (viewer) await followOwnComment(tx, viewer.id, article.id, id);
    if (status === "published") {
      await tx.article.updateMany({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
      // What the outbox needs of the new comment is known here: it is not read back.
      const comment = { id, articleId: article.id, parentId: parent?.id ?? null, authorId: viewer?.id ?? null, anonEmail: viewer ? null : poster.anonymous!.anonEmail };
      await notifyNewComment(tx, comment, now);
    }
    return { id, articleId: article.id, articleSlug: article.slug, parentId: parent?.id ?? null, rootId };
  }).catch(async (error: unknown) => {
    // A post that failed after the limits let it through (the article closed, the parent gone)
    // still counts, as when the limits were taken before the write.
    if (limitsTaken) await countFailedFlood(keys, settings, now.getTime());
    throw error;
  });
  const { articleId, parentId, rootId, ...rest } = created;
  return { ...rest, status, ...(heldBecause ? { heldBecause } : {}), live: { id: rest.id, articleId, parentId, rootId, poster: poster.visitorId } };
}
