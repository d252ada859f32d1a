import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { listArticlesByTag } from "@/lib/articles/queries";
import { env } from "@/lib/env";
import { tagDescription } from "@/lib/feeds/tag-description";
import { pageHref, parsePageParam } from "@/lib/pagination";
import { pageAlternates } from "@/lib/seo/alternates";
import { description, pageTitle } from "@/lib/seo/cut";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const result = await listArticlesByTag((await params).slug, 1);
  if (!result) return {};
  const { SITE_NAME } = env();
  const { tag } = result;
  const base = `/tags/${tag.slug}`;
  const page = parsePageParam((await searchParams).page) ?? 1;
  return {
    title: pageTitle(`Filed under ${tag.name}${page > 1 ? ` (page ${page})` : ""}`, SITE_NAME),
    description: description(tagDescription(tag.name, SITE_NAME)),
    alternates: pageAlternates(pageHref(base, page), { url: `${base}/feed.xml`, title: `${SITE_NAME}: ${tag.name}` }),
  };
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
        <p>
          {articles.total === 1 ? "1 article" : `${articles.total} articles`} · Subscribe: <a href={`/tags/${tag.slug}/feed.xml`}>RSS</a>
        </p>
      </div>
      <ArticleList articles={articles.items} />
      <Pagination basePath={`/tags/${tag.slug}`} page={articles.page} totalPages={articles.totalPages} />
    </>
  );
}
