import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { listArticlesByTag } from "@/lib/articles/queries";
import { pageHref, parsePageParam } from "@/lib/pagination";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await listArticlesByTag((await params).slug, 1);
  return result ? { title: `Filed under ${result.tag.name}` } : {};
}

export default async function TagPage({ params, searchParams }: Props) {
  const slug = (await params).slug;
  const page = parsePageParam((await searchParams).page);
  if (page === null) redirect(`/tags/${encodeURIComponent(slug)}`);
  const result = await listArticlesByTag(slug, page);
  if (!result) notFound();
  const { tag, articles } = result;
  if (page > articles.totalPages) redirect(pageHref(`/tags/${tag.slug}`, articles.totalPages));
  return (
    <>
      <div className="page-intro">
        <h1>Filed under: {tag.name}</h1>
        <p>{articles.total === 1 ? "1 article" : `${articles.total} articles`}</p>
      </div>
      <ArticleList articles={articles.items} />
      <Pagination basePath={`/tags/${tag.slug}`} page={articles.page} totalPages={articles.totalPages} />
    </>
  );
}
