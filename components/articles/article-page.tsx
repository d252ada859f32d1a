import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleByline } from "./article-byline";
import { ArticleItemData } from "./article-item-data";
import { DeptLine } from "./dept-line";
import { EditArticleLink } from "./edit-article-link";
import { FiledUnder } from "./tag-links";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentThread } from "@/components/comments/comment-thread";
import { DeletedNotice } from "@/components/comments/deleted-notice";
import { ThreadViewNav } from "@/components/comments/thread-view-nav";
import { getArticle } from "@/lib/articles/queries";
import { articleNotFound } from "@/lib/articles/not-found";
import { listCommentPage, listCommentsByIds, listSpotlights } from "@/lib/comments/queries";
import { tagArticlePage } from "@/lib/cache/revalidate";
import { CommentPager } from "@/components/comments/comment-pager";
import { env } from "@/lib/env";
import { pluralize } from "@/lib/format";
import { isDefaultView, type ThreadView } from "@/lib/comments/thread-view";
import { getSettings } from "@/lib/settings/queries";
import { currentReaderRatings } from "@/lib/ratings/queries";
import { currentReaderFollows } from "@/lib/follows/queries";
import { FollowButton } from "@/components/follows/follow-button";
import { pageAlternates } from "@/lib/seo/alternates";
import { description, pageTitle } from "@/lib/seo/cut";
import { itemOf } from "@/lib/seo/schema-org";

/** Title, description, feeds, OpenGraph and Twitter data of an article page. */
export async function articleMetadata(slug: string, threadView?: ThreadView): Promise<Metadata> {
  const article = await getArticle(slug);
  if (!article) return {};
  const { siteUrl, SITE_NAME } = env();
  const path = `/articles/${article.slug}`;
  const summary = description(article.excerpt);
  // The preview image comes from ./opengraph-image.tsx and ./twitter-image.tsx beside the route.
  return {
    title: pageTitle(article.title, SITE_NAME),
    description: summary,
    alternates: pageAlternates(path, { url: `${path}/feed.xml`, title: `Comments on ${article.title}` }),
    openGraph: {
      type: "article",
      siteName: SITE_NAME,
      // Link previews show a long title whole (and the page's <h1>): only the <title> is cut.
      title: article.title,
      description: summary,
      url: `${siteUrl}${path}`,
      publishedTime: article.publishedAt,
      ...(article.revisedAt ? { modifiedTime: article.revisedAt } : {}),
      authors: [article.author.name],
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: "summary_large_image", title: article.title, description: summary },
    // Other views of the same discussion are for readers, not for search engines.
    ...(threadView && !isDefaultView(threadView) ? { robots: { index: false, follow: true } } : {}),
  };
}

/** The article with its discussion, in the reader's chosen view (the cached default or another). */
export async function ArticlePage({ slug, threadView, fresh = false }: { slug: string; threadView: ThreadView; fresh?: boolean }) {
  const article = await getArticle(slug);
  if (!article) return articleNotFound(slug);
  const [discussion, spotlights, settings] = await Promise.all([listCommentPage(article.id, threadView), listSpotlights(article.id), getSettings(), tagArticlePage(article.slug)]);
  if (!discussion) notFound();
  const { comments, page, pageCount } = discussion;
  // First and Last Word show on every page of a long discussion, wherever their comment sits.
  const onPage = new Set(comments.map((c) => c.id));
  const elsewhere = spotlights.map((s) => s.commentId).filter((id) => !onPage.has(id));
  const spotlit = elsewhere.length > 0 ? await listCommentsByIds(article.id, elsewhere) : [];
  // Never on the shared, cached page: reading who is asking would make it one reader's.
  const [ratings, follows] = fresh ? await Promise.all([currentReaderRatings(article.id), currentReaderFollows(article.id)]) : [];
  const path = `/articles/${article.slug}`;
  const countLabel = pluralize(article.commentCount, "Comment");
  return (
    // Names the article for the client islands: they all share one /api/viewer request for it.
    // It is also the schema.org NewsArticle that search engines read, its visible comments included.
    <article data-viewer-article={article.id} {...itemOf("NewsArticle")}>
      <ArticleItemData article={article} />
      <header>
        <h1 itemProp="headline">{article.title}</h1>
        <DeptLine dept={article.dept} />
        <ArticleByline author={article.author} publishedAt={article.publishedAt} revisedAt={article.revisedAt} described />
        <EditArticleLink slug={article.slug} authorHandle={article.author.handle} />
      </header>
      {/* Sanitized by lib/markdown/render.ts (article flavour). */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <footer className="article-footer">
        <FiledUnder tags={article.tags} />
        <span>
          <a href="#comments">{countLabel}</a> · Subscribe: <a href={`${path}/feed.xml`}>RSS</a> ·{" "}
          <a href="#leave-a-comment">Leave a comment</a>
        </span>
      </footer>
      <section className="comments" id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{countLabel}</h2>
        <div className="comments__follow">
          <FollowButton articleId={article.id} backHref={`${path}#comments`} initial={follows?.article} />
        </div>
        <DeletedNotice />
        <ThreadViewNav articlePath={path} current={threadView} />
        {pageCount > 1 ? <CommentPager articlePath={path} view={threadView} page={page} pageCount={pageCount} position="top" /> : null}
        <CommentThread
          comments={comments}
          spotlit={spotlit}
          spotlights={spotlights}
          flat={threadView.view === "flat"}
          ratings={ratings}
          reply={{ articleId: article.id, articlePath: path, allowAnonymous: settings.anonymousCommenting, follows }}
          costs={{ first: settings.firstWordCost, last: settings.lastWordCost }}
        />
        {pageCount > 1 ? <CommentPager articlePath={path} view={threadView} page={page} pageCount={pageCount} position="bottom" /> : null}
      </section>
      <section id="leave-a-comment" className="leave-comment" aria-labelledby="leave-a-comment-heading">
        <h2 id="leave-a-comment-heading">Leave a comment</h2>
        <CommentForm articleId={article.id} articlePath={path} allowAnonymous={settings.anonymousCommenting} />
      </section>
    </article>
  );
}
