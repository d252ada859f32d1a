import "server-only";
import { getDb } from "../db";
import { excerptOf, renderMarkdown } from "../markdown/render";
import { PER_PAGE, pageCount, type Page } from "../pagination";
import { parseSlug } from "../route-params";
import type { ArticleDetail, ArticleSummary, AuthorRef, TagRef } from "./types";

/** Published and not scheduled for later: scheduled articles appear once their time comes. */
export function visibleArticleWhere(now = new Date()) {
  return { status: "published" as const, publishedAt: { lte: now } };
}

/** When the next scheduled article appears (null: none is scheduled). The lists change then. */
export async function getNextPublicationAt(now = new Date()): Promise<Date | null> {
  const next = await getDb().article.findFirst({
    where: { status: "published", publishedAt: { gt: now } },
    orderBy: { publishedAt: "asc" },
    select: { publishedAt: true },
  });
  return next?.publishedAt ?? null;
}

const summarySelect = {
  slug: true,
  title: true,
  dept: true,
  body: true,
  excerpt: true,
  publishedAt: true,
  commentCount: true,
  author: { select: { handle: true, name: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" as const } } },
} as const;

type SummaryRow = {
  slug: string;
  title: string;
  dept: string;
  body: string;
  excerpt: string | null;
  publishedAt: Date | null;
  commentCount: number;
  author: AuthorRef;
  tags: { tag: TagRef }[];
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    title: row.title,
    dept: row.dept,
    excerpt: row.excerpt?.trim() || excerptOf(row.body),
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    author: { handle: row.author.handle, name: row.author.name },
    tags: row.tags.map((t) => ({ slug: t.tag.slug, name: t.tag.name })),
    commentCount: row.commentCount,
  };
}

// `now` is the clock: tests pass their own to see a scheduled article appear at its time.
async function pageOfArticles(where: object, page: number, now = new Date()): Promise<Page<ArticleSummary>> {
  const db = getDb();
  const full = { ...visibleArticleWhere(now), ...where };
  const [total, rows] = await Promise.all([
    db.article.count({ where: full }),
    db.article.findMany({
      where: full,
      select: summarySelect,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PER_PAGE,
      take: PER_PAGE,
    }),
  ]);
  return { items: rows.map(toSummary), page, total, totalPages: pageCount(total) };
}

export function listLatestArticles(page: number, now = new Date()) {
  return pageOfArticles({}, page, now);
}

export async function listArticlesByTag(rawSlug: string, page: number, now = new Date()) {
  const slug = parseSlug(rawSlug);
  if (!slug) return null;
  const tag = await getDb().tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
  if (!tag) return null;
  return { tag, articles: await pageOfArticles({ tags: { some: { tag: { slug } } } }, page, now) };
}

export async function listArticlesByAuthor(authorId: string, page: number, now = new Date()) {
  return pageOfArticles({ authorId }, page, now);
}

export async function getArticle(rawSlug: string, now = new Date()): Promise<ArticleDetail | null> {
  const slug = parseSlug(rawSlug);
  if (!slug) return null;
  const row = await getDb().article.findFirst({
    where: { slug, ...visibleArticleWhere(now) },
    select: { ...summarySelect, id: true, revisedAt: true },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    id: row.id,
    bodyHtml: renderMarkdown(row.body, "article"),
    revisedAt: row.revisedAt?.toISOString() ?? null,
  };
}

/** Slugs of every visible article with its last change, for the sitemap. */
export async function listArticleSlugs(now = new Date()) {
  const rows = await getDb().article.findMany({
    where: visibleArticleWhere(now),
    select: { slug: true, publishedAt: true, revisedAt: true },
    orderBy: { publishedAt: "desc" },
  });
  return rows.map((r) => ({ slug: r.slug, lastModified: (r.revisedAt ?? r.publishedAt ?? new Date(0)).toISOString() }));
}

export async function listTags() {
  return getDb().tag.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

/** Tags of at least one visible article: a tag so far used only by drafts is not announced. */
export async function listTagsInUse(now = new Date()) {
  return getDb().tag.findMany({
    where: { articles: { some: { article: visibleArticleWhere(now) } } },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
  });
}
