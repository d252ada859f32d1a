import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleByline } from "@/components/articles/article-byline";
import { ArticleJsonLd } from "@/components/articles/article-json-ld";
import { DeptLine } from "@/components/articles/dept-line";
import { TagLinks } from "@/components/articles/tag-links";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentThread } from "@/components/comments/comment-thread";
import { getArticle } from "@/lib/articles/queries";
import { listArticleComments, listSpotlights } from "@/lib/comments/queries";
import { env } from "@/lib/env";
import { pluralize } from "@/lib/format";
import { getSettings } from "@/lib/settings/queries";

// The page is the same for every reader, so it is rendered once and cached; the writes that
// change it (comments, votes, flags, edits) revalidate it. Nothing is prerendered at build time,
// so a build needs no database. The hourly revalidation is only a safety net.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  const path = `/articles/${article.slug}`;
  return {
    title: article.title,
    description: article.excerpt,
    alternates: {
      canonical: path,
      // Page alternates replace the layout's, so the site feed is listed again here.
      types: {
        "application/rss+xml": [
          { url: "/feed.xml", title: `${env().SITE_NAME}: latest articles` },
          { url: `${path}/feed.xml`, title: `Comments on ${article.title}` },
        ],
      },
    },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.excerpt,
      url: path,
      publishedTime: article.publishedAt,
      authors: [article.author.name],
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: "summary", title: article.title, description: article.excerpt },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const [comments, spotlights, settings] = await Promise.all([listArticleComments(article.id), listSpotlights(article.id), getSettings()]);
  const { siteUrl, SITE_NAME } = env();
  const path = `/articles/${article.slug}`;
  const countLabel = pluralize(article.commentCount, "Comment");
  return (
    <article>
      <ArticleJsonLd article={article} url={`${siteUrl}${path}`} siteName={SITE_NAME} />
      <header>
        <h1>{article.title}</h1>
        <DeptLine dept={article.dept} />
        <ArticleByline author={article.author} publishedAt={article.publishedAt} revisedAt={article.revisedAt} />
      </header>
      {/* Sanitized by lib/markdown/render.ts (article flavour). */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <footer className="article-footer">
        {article.tags.length > 0 ? (
          <span>
            Filed Under: <TagLinks tags={article.tags} />
          </span>
        ) : null}
        <span>
          <a href="#comments">{countLabel}</a> · Subscribe: <a href={`${path}/feed.xml`}>RSS</a> ·{" "}
          <a href="#leave-a-comment">Leave a comment</a>
        </span>
      </footer>
      <section className="comments" id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{countLabel}</h2>
        <CommentThread comments={comments} spotlights={spotlights} reply={{ articleId: article.id, articlePath: path, allowAnonymous: settings.anonymousCommenting }} />
        <section id="leave-a-comment" className="leave-comment" aria-labelledby="leave-a-comment-heading">
          <h2 id="leave-a-comment-heading">Leave a comment</h2>
          <CommentForm articleId={article.id} articlePath={path} allowAnonymous={settings.anonymousCommenting} />
        </section>
      </section>
    </article>
  );
}
