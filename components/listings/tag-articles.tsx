import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { cacheArticleList } from "@/lib/articles/list-cache";
import { listArticlesByTag } from "@/lib/articles/queries";
import { env } from "@/lib/env";
import { tagDescription } from "@/lib/feeds/tag-description";
import { pageHref } from "@/lib/pagination";
import { pageAlternates } from "@/lib/seo/alternates";
import { description, pageTitle } from "@/lib/seo/cut";

// A tag's page (/tags/<slug>) and its later pages (/tags/<slug>?page=N, rewritten by proxy.ts to
// /tags/<slug>/page/N): cached like the front page.

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const result = await listArticlesByTag(slug, 1);
  if (!result) return {};
  const { SITE_NAME } = env();
  const { tag } = result;
  const base = `/tags/${tag.slug}`;
  return {
    title: pageTitle(`Filed under ${tag.name}${page > 1 ? ` (page ${page})` : ""}`, SITE_NAME),
    description: description(tagDescription(tag.name, SITE_NAME)),
    alternates: pageAlternates(pageHref(base, page), { url: `${base}/feed.xml`, title: `${SITE_NAME}: ${tag.name}` }),
  };
}

export async function TagArticles({ slug, page }: { slug: string; page: number }) {
  const now = new Date();
  const result = await listArticlesByTag(slug, page, now);
  // Neither an unknown tag's 404 nor the redirect from past the end is stored in the cache.
  if (!result) notFound();
  const { tag, articles } = result;
  if (page > articles.totalPages) redirect(pageHref(`/tags/${tag.slug}`, articles.totalPages));
  await cacheArticleList(now, articles.items.map((a) => a.slug));
  return (
    <>
      <div className="page-intro">
        <h1>Filed under: {tag.name}</h1>
        <p>
          {articles.total === 1 ? "1 article" : `${articles.total} articles`} · Subscribe: <a href={`/tags/${tag.slug}/feed.xml`}>RSS</a>
        </p>
      </div>
      <ArticleList articles={articles.items} />
      <Pagination basePath={`/tags/${tag.slug}`} page={articles.page} totalPages={articles.totalPages} />
    </>
  );
}
