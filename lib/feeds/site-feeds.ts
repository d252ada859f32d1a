import { badgesHtml } from "../comments/badges";
import { getArticle, listArticlesByTag, listLatestArticles } from "../articles/queries";
import type { ArticleSummary } from "../articles/types";
import { listRecentArticleComments } from "../comments/queries";
import { env } from "../env";
import { renderMarkdown } from "../markdown/render";
import { getDb } from "../db";
import { buildRss, type RssItem } from "./rss";
import { tagDescription } from "./tag-description";

/** RSS items for a list of articles, each with its full (sanitized) body. */
async function articleItems(articles: ArticleSummary[]): Promise<RssItem[]> {
  const { siteUrl } = env();
  const bodies = await getDb().article.findMany({
    where: { slug: { in: articles.map((a) => a.slug) } },
    select: { slug: true, body: true },
  });
  const bodyBySlug = new Map(bodies.map((b) => [b.slug, b.body]));
  return articles.map((a) => ({
    title: a.title,
    link: `${siteUrl}/articles/${a.slug}`,
    guid: `${siteUrl}/articles/${a.slug}`,
    pubDate: a.publishedAt,
    author: a.author.name,
    descriptionHtml: renderMarkdown(bodyBySlug.get(a.slug) ?? "", "article"),
  }));
}

/** The site feed: the latest articles with their full (sanitized) body, as of `now`. */
export async function buildSiteFeed(now = new Date()): Promise<string> {
  const { siteUrl, SITE_NAME } = env();
  const latest = await listLatestArticles(1, now);
  return buildRss({
    title: SITE_NAME,
    link: siteUrl,
    selfLink: `${siteUrl}/feed.xml`,
    description: `Latest articles from ${SITE_NAME}`,
    items: await articleItems(latest.items),
  });
}

/** A tag's feed: the latest articles filed under it; null for a tag that does not exist. */
export async function buildTagFeed(slug: string, now = new Date()): Promise<string | null> {
  const result = await listArticlesByTag(slug, 1, now);
  if (!result) return null;
  const { siteUrl, SITE_NAME } = env();
  const { tag, articles } = result;
  return buildRss({
    title: `${SITE_NAME}: ${tag.name}`,
    link: `${siteUrl}/tags/${tag.slug}`,
    selfLink: `${siteUrl}/tags/${tag.slug}/feed.xml`,
    description: tagDescription(tag.name, SITE_NAME),
    items: await articleItems(articles.items),
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
