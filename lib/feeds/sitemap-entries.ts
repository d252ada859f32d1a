import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";

// When each listed page last changed, as search engines read `lastmod`: a page's date is that of
// the newest thing it shows.

/** Visible articles, and the tags in use with the publication of their newest article. */
export async function listSitemapDates(now = new Date()) {
  const db = getDb();
  const [articles, tags, lastVote] = await Promise.all([
    db.article.findMany({
      where: visibleArticleWhere(now),
      select: { slug: true, publishedAt: true, revisedAt: true },
      orderBy: { publishedAt: "desc" },
    }),
    db.tag.findMany({
      where: { articles: { some: { article: visibleArticleWhere(now) } } },
      select: {
        slug: true,
        articles: {
          where: { article: visibleArticleWhere(now) },
          select: { article: { select: { publishedAt: true } } },
          orderBy: { article: { publishedAt: "desc" } },
          take: 1,
        },
      },
      orderBy: { slug: "asc" },
    }),
    // The best of the week changes with every rating.
    db.vote.findFirst({ select: { createdAt: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const iso = (d: Date | null | undefined) => (d ?? new Date(0)).toISOString();
  const articleDates = articles.map((a) => ({ slug: a.slug, lastModified: iso(a.revisedAt ?? a.publishedAt) }));
  const newest = articleDates.reduce((max, a) => (a.lastModified > max ? a.lastModified : max), iso(null));
  return {
    home: newest,
    articles: articleDates,
    tags: tags.map((t) => ({ slug: t.slug, lastModified: iso(t.articles[0]?.article.publishedAt) })),
    best: lastVote ? iso(lastVote.createdAt) : newest,
  };
}
