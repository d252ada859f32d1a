import { notFound } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { listLatestArticles } from "@/lib/articles/queries";
import { parsePageParam } from "@/lib/pagination";

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function HomePage({ searchParams }: Props) {
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const result = await listLatestArticles(page);
  if (page > result.totalPages) notFound();
  return (
    <>
      <h1 className="visually-hidden">Latest articles</h1>
      {result.items.length === 0 ? <p>Nothing has been published yet.</p> : <ArticleList articles={result.items} />}
      <Pagination basePath="/" page={result.page} totalPages={result.totalPages} />
    </>
  );
}
