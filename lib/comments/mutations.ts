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
import { countLinks, enforceFloodLimits, refuseDuplicate } from "./guards";
import type { AnonymousPoster, CreateCommentInput } from "./schemas";

/** `network`: the poster's network (lib/request.ts clientNetwork); when absent, the one `ip` is in. */
export type Poster = { viewer: Viewer | null; anonymous?: AnonymousPoster; visitorId: string; ip: string; network?: string };
/** A pending comment says why it waits: too many links, or a network a banned poster used. */
export type CreatedComment = { id: string; articleSlug: string; status: "published" | "pending"; heldBecause?: "links" | "network" };

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
  await refuseDuplicate(keys, input.articleId, input.body, now.getTime());
  await enforceFloodLimits(keys, settings, now.getTime());

  const heldBecause = ban === "held" ? "network" : !viewer && countLinks(input.body) > ANONYMOUS_LINK_LIMIT ? "links" : undefined;
  const status = heldBecause ? "pending" : "published";
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticleWhere() }, select: { id: true, slug: true } });
    if (!article) throw new NotFoundError("That article is not open for comments.");
    const parent = input.parentId
      ? await tx.comment.findFirst({
          where: { id: input.parentId, articleId: article.id, status: { in: ["published", "hidden"] }, deletedAt: null },
          select: { id: true, rootId: true, depth: true },
        })
      : null;
    if (input.parentId && !parent) throw new NotFoundError("The comment you replied to is no longer there.");
    const created = await tx.comment.create({
      data: {
        articleId: article.id,
        parentId: parent?.id,
        rootId: parent ? (parent.rootId ?? parent.id) : undefined,
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
    if (!parent) await tx.comment.update({ where: { id: created.id }, data: { rootId: created.id } });
    // Posting follows your own thread: replies anywhere below it will find you (lib/notifications).
    if (viewer) await followOwnComment(tx, viewer.id, article.id, created.id);
    if (status === "published") {
      await tx.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
      await notifyNewComment(tx, created.id, now);
    }
    return { id: created.id, articleSlug: article.slug, status, ...(heldBecause ? { heldBecause } : {}) };
  });
}
