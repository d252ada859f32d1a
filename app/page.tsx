import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { listLatestArticles } from "@/lib/articles/queries";
import { pageHref, parsePageParam } from "@/lib/pagination";
import { pageAlternates } from "@/lib/seo/alternates";

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page) ?? 1;
  // Page 2 onwards are pages of their own, each its own canonical; the first is the site's root.
  return { ...(page > 1 ? { title: `Latest articles, page ${page}` } : {}), alternates: pageAlternates(pageHref("/", page)) };
}

export default async function HomePage({ searchParams }: Props) {
  const page = parsePageParam((await searchParams).page);
  // A malformed or out-of-range ?page= lands on the nearest real page rather than an error.
  if (page === null) redirect("/");
  const result = await listLatestArticles(page);
  if (page > result.totalPages) redirect(pageHref("/", result.totalPages));
  return (
    <>
      <h1 className="visually-hidden">Latest articles</h1>
      {result.items.length === 0 ? <p>Nothing has been published yet.</p> : <ArticleList articles={result.items} />}
      <Pagination basePath="/" page={result.page} totalPages={result.totalPages} />
    </>
  );
}
