// A member's private replies feed (/users/<handle>/replies.xml?token=…): the newest visible
// replies to their comments. The token is the only credential, so a wrong one answers exactly
// as an unknown member does (null → 404), and nothing here is cached or indexed.
import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import { withPublicSubjects } from "../comments/queries";
import { getDb } from "../db";
import { env } from "../env";
import { UrlToken } from "../follows/schemas";
import { renderMarkdown } from "../markdown/render";
import { ANONYMOUS_NAME, DELETED_USER_NAME } from "../words";
import { buildRss } from "./rss";

export const REPLIES_FEED_SIZE = 50;

/** The owner of the feed, when handle and token match a current member; null otherwise. */
async function feedOwner(handle: string, token: string) {
  if (!UrlToken.safeParse(token).success) return null;
  const user = await getDb().user.findFirst({ where: { handle, repliesFeedToken: token, deletedAt: null }, select: { id: true, name: true, handle: true } });
  return user;
}

/** Visible replies by others to the member's comments, newest first, subjects as the public sees them. */
export async function listRepliesTo(userId: string, now = new Date(), take = REPLIES_FEED_SIZE) {
  const rows = await getDb().comment.findMany({
    where: {
      parent: { authorId: userId },
      OR: [{ authorId: null }, { authorId: { not: userId } }],
      status: "published",
      deletedAt: null,
      article: visibleArticleWhere(now),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, articleId: true, subject: true, body: true, createdAt: true, anonName: true,
      author: { select: { name: true, deletedAt: true } },
      article: { select: { title: true } },
    },
  });
  return withPublicSubjects(rows, (r) => r.articleId);
}

export function repliesFeedPath(handle: string, token: string): string {
  return `/users/${encodeURIComponent(handle)}/replies.xml?token=${encodeURIComponent(token)}`;
}

/** The feed's XML, or null for a wrong token or unknown member (the route answers 404 to both). */
export async function buildRepliesFeed(handle: string, token: string, now = new Date()): Promise<string | null> {
  const owner = await feedOwner(handle, token);
  if (!owner) return null;
  const { siteUrl, SITE_NAME } = env();
  const replies = await listRepliesTo(owner.id, now);
  return buildRss({
    title: `Replies to ${owner.name} on ${SITE_NAME}`,
    link: `${siteUrl}/users/${encodeURIComponent(owner.handle)}`,
    selfLink: `${siteUrl}${repliesFeedPath(owner.handle, token)}`,
    description: `New replies to ${owner.name}'s comments on ${SITE_NAME} (a private feed)`,
    items: replies.map((r) => {
      const author = r.author ? (r.author.deletedAt ? DELETED_USER_NAME : r.author.name) : r.anonName?.trim() || ANONYMOUS_NAME;
      return {
        title: r.subject || `${author} replied on ${r.article.title}`,
        link: `${siteUrl}/comments/${r.id}`,
        guid: `${siteUrl}/comments/${r.id}`,
        pubDate: r.createdAt.toISOString(),
        author,
        descriptionHtml: renderMarkdown(r.body, "comment"),
      };
    }),
  });
}
