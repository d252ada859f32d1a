import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { MemberComments } from "@/components/users/member-comments";
import { MemberStats } from "@/components/users/member-stats";
import { listArticlesByAuthor } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format";
import { env } from "@/lib/env";
import { pageHref, parsePageParam } from "@/lib/pagination";
import { pageAlternates } from "@/lib/seo/alternates";
import { description, pageTitle } from "@/lib/seo/cut";
import { getMemberStats, listMemberComments } from "@/lib/users/activity";
import { getPublicProfile } from "@/lib/users/queries";

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ page?: string | string[]; cpage?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const profile = await getPublicProfile((await params).handle);
  if (!profile) return {};
  const query = await searchParams;
  const base = `/users/${encodeURIComponent(profile.handle)}`;
  const canonical = pageHref(pageHref(base, parsePageParam(query.page) ?? 1), parsePageParam(query.cpage) ?? 1, "cpage");
  const { SITE_NAME } = env();
  return {
    title: pageTitle(profile.name, SITE_NAME),
    description: description(profile.bio || `${profile.name} (@${profile.handle}) on ${SITE_NAME}: articles, comments and ratings.`),
    alternates: pageAlternates(canonical),
  };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const handle = (await params).handle;
  const query = await searchParams;
  const page = parsePageParam(query.page);
  const commentPage = parsePageParam(query.cpage);
  const base = `/users/${encodeURIComponent(handle)}`;
  // A malformed page number lands on the first page rather than an error.
  if (page === null || commentPage === null) redirect(base);
  const profile = await getPublicProfile(handle);
  if (!profile) notFound();
  const [articles, comments, stats] = await Promise.all([
    listArticlesByAuthor(profile.id, page),
    listMemberComments(profile.id, commentPage),
    getMemberStats(profile.id),
  ]);
  if (page > articles.totalPages || commentPage > comments.totalPages) redirect(base);
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
