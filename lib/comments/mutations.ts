// Writing comments. Each write is one transaction: the comment row and the article's comment
// count change together, so the count is exact even under concurrent posts.
import type { Viewer } from "../auth/viewer";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { getSettings } from "../settings/queries";
import { anonymousTag } from "../visitor";
import { countLinks, enforceFloodLimits, refuseDuplicate } from "./guards";
import type { AnonymousPoster, CreateCommentInput } from "./schemas";

export type Poster = { viewer: Viewer | null; anonymous?: AnonymousPoster; visitorId: string; ip: string };
export type CreatedComment = { id: string; articleSlug: string; status: "published" | "pending" };

// Anonymous comments carrying more links than this wait for a moderator.
export const ANONYMOUS_LINK_LIMIT = 2;

export async function createComment(poster: Poster, input: CreateCommentInput): Promise<CreatedComment> {
  const db = getDb();
  const settings = await getSettings();
  const { viewer } = poster;
  if (viewer?.isBanned) throw new ForbiddenError("Your account may not post comments.");
  if (!viewer) {
    if (!settings.anonymousCommenting || !poster.anonymous) throw new ForbiddenError("Please sign in to comment.");
    if (await db.visitorBan.findUnique({ where: { visitorKey: poster.visitorId }, select: { visitorKey: true } })) {
      throw new ForbiddenError("You may not post comments here.");
    }
  }
  const keys = { userId: viewer?.id, visitorId: poster.visitorId, ip: poster.ip, isAnonymous: !viewer };
  await refuseDuplicate(keys, input.articleId, input.body);
  await enforceFloodLimits(keys, settings);

  const status = !viewer && countLinks(input.body) > ANONYMOUS_LINK_LIMIT ? "pending" : "published";
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
    if (status === "published") await tx.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
    return { id: created.id, articleSlug: article.slug, status };
  });
}
