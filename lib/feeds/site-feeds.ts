import { badgesHtml } from "../comments/badges";
import { getArticle, listLatestArticles } from "../articles/queries";
import { listRecentArticleComments } from "../comments/queries";
import { env } from "../env";
import { renderMarkdown } from "../markdown/render";
import { getDb } from "../db";
import { buildRss } from "./rss";

/** The site feed: the latest articles with their full (sanitized) body, as of `now`. */
export async function buildSiteFeed(now = new Date()): Promise<string> {
  const { siteUrl, SITE_NAME } = env();
  const latest = await listLatestArticles(1, now);
  const bodies = await getDb().article.findMany({
    where: { slug: { in: latest.items.map((a) => a.slug) } },
    select: { slug: true, body: true },
  });
  const bodyBySlug = new Map(bodies.map((b) => [b.slug, b.body]));
  return buildRss({
    title: SITE_NAME,
    link: siteUrl,
    selfLink: `${siteUrl}/feed.xml`,
    description: `Latest articles from ${SITE_NAME}`,
    items: latest.items.map((a) => ({
      title: a.title,
      link: `${siteUrl}/articles/${a.slug}`,
      guid: `${siteUrl}/articles/${a.slug}`,
      pubDate: a.publishedAt,
      author: a.author.name,
      descriptionHtml: renderMarkdown(bodyBySlug.get(a.slug) ?? "", "article"),
    })),
  });
}

/** One article's comment feed, newest first; null when the article is not public. */
export async function buildArticleCommentFeed(slug: string): Promise<string | null> {
  const article = await getArticle(slug);
  if (!article) return null;
  const { siteUrl, SITE_NAME } = env();
  const comments = await listRecentArticleComments(article.id);
  const link = `${siteUrl}/articles/${article.slug}`;
  return buildRss({
    title: `Comments on: ${article.title}`,
    link,
    selfLink: `${link}/feed.xml`,
    description: `The discussion under "${article.title}" on ${SITE_NAME}`,
    items: comments.map((c) => ({
      title: c.subject || `Comment by ${c.authorName}`,
      link: `${link}#comment-${c.id}`,
      guid: `${siteUrl}/comments/${c.id}`,
      pubDate: c.createdAt,
      author: c.authorName,
      // Badges ride along in the item, as they do on the page.
      descriptionHtml: c.bodyHtml + badgesHtml(c.badges),
    })),
  });
}
