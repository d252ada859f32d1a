import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { MemberComments } from "@/components/users/member-comments";
import { MemberStats } from "@/components/users/member-stats";
import { cacheArticleList } from "@/lib/articles/list-cache";
import { listArticlesByAuthor } from "@/lib/articles/queries";
import { tagMemberPage } from "@/lib/cache/revalidate";
import { formatDate } from "@/lib/format";
import { env } from "@/lib/env";
import { pageHref } from "@/lib/pagination";
import { pageAlternates } from "@/lib/seo/alternates";
import { description, pageTitle } from "@/lib/seo/cut";
import { getMemberStats, listMemberComments } from "@/lib/users/activity";
import { getPublicProfile } from "@/lib/users/queries";

// A member's profile (/users/<handle>) and its other pages (?page=N of articles, ?cpage=N of
// comments, rewritten by proxy.ts to /users/<handle>/p/<N>-<N>): cached for everyone. Expired by
// a change to the member, to the lists of articles, and to any discussion or rating (their
// comments, counts and badges): lib/cache/revalidate.ts.

export type ProfilePages = { page: number; commentPage: number };

export async function profileMetadata(handle: string, { page, commentPage }: ProfilePages): Promise<Metadata> {
  const profile = await getPublicProfile(handle);
  if (!profile) return {};
  const base = `/users/${encodeURIComponent(profile.handle)}`;
  const canonical = pageHref(pageHref(base, page), commentPage, "cpage");
  const { SITE_NAME } = env();
  return {
    title: pageTitle(profile.name, SITE_NAME),
    description: description(profile.bio || `${profile.name} (@${profile.handle}) on ${SITE_NAME}: articles, comments and ratings.`),
    alternates: pageAlternates(canonical),
  };
}

export async function MemberProfile({ handle, pages: { page, commentPage } }: { handle: string; pages: ProfilePages }) {
  const base = `/users/${encodeURIComponent(handle)}`;
  // Neither an unknown member's 404 nor the redirect from past the end is stored in the cache.
  const profile = await getPublicProfile(handle);
  if (!profile) notFound();
  const now = new Date();
  const [articles, comments, stats] = await Promise.all([
    listArticlesByAuthor(profile.id, page, now),
    listMemberComments(profile.id, commentPage),
    getMemberStats(profile.id),
  ]);
  if (page > articles.totalPages || commentPage > comments.totalPages) redirect(base);
  await Promise.all([cacheArticleList(now, articles.items.map((a) => a.slug)), tagMemberPage(profile.handle)]);
  return (
    <>
      <div className="page-intro">
        <h1>{profile.name}</h1>
        <p>
          @{profile.handle} · Joined <time dateTime={profile.joinedAt}>{formatDate(profile.joinedAt)}</time>
        </p>
        {profile.bio ? <p className="bio">{profile.bio}</p> : null}
        <MemberStats stats={stats} />
      </div>
      {articles.total > 0 ? (
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading">Articles by {profile.name}</h2>
          <ArticleList articles={articles.items} />
          <Pagination basePath={base} page={articles.page} totalPages={articles.totalPages} label="Articles pages" />
        </section>
      ) : null}
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments by {profile.name}</h2>
        {comments.total > 0 ? <MemberComments comments={comments.items} /> : <p>No comments yet.</p>}
        <Pagination basePath={base} page={comments.page} totalPages={comments.totalPages} param="cpage" label="Comments pages" />
      </section>
    </>
  );
}
