import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { cacheArticleList } from "@/lib/articles/list-cache";
import { listLatestArticles } from "@/lib/articles/queries";
import { pageHref } from "@/lib/pagination";
import { pageAlternates } from "@/lib/seo/alternates";

// The front page (/) and its later pages (/?page=N, rewritten by proxy.ts to /page/N): cached.

export function latestMetadata(page: number): Metadata {
  // Page 2 onwards are pages of their own, each its own canonical; the first is the site's root.
  return { ...(page > 1 ? { title: `Latest articles, page ${page}` } : {}), alternates: pageAlternates(pageHref("/", page)) };
}

export async function LatestArticles({ page }: { page: number }) {
  const now = new Date();
  const result = await listLatestArticles(page, now);
  // One past the end lands on the last page (not stored in the cache: script-hash-cache-handler.js).
  if (page > result.totalPages) redirect(pageHref("/", result.totalPages));
  await cacheArticleList(now, result.items.map((a) => a.slug));
  return (
    <>
      <h1 className="visually-hidden">Latest articles</h1>
      {result.items.length === 0 ? <p>Nothing has been published yet.</p> : <ArticleList articles={result.items} />}
      <Pagination basePath="/" page={result.page} totalPages={result.totalPages} />
    </>
  );
}
