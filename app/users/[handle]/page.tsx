import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleList } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { listArticlesByAuthor } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format";
import { pageHref, parsePageParam } from "@/lib/pagination";
import { getPublicProfile } from "@/lib/users/queries";

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getPublicProfile((await params).handle);
  return profile ? { title: profile.name, description: profile.bio || undefined } : {};
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const handle = (await params).handle;
  const page = parsePageParam((await searchParams).page);
  if (page === null) redirect(`/users/${encodeURIComponent(handle)}`);
  const profile = await getPublicProfile(handle);
  if (!profile) notFound();
  const articles = await listArticlesByAuthor(profile.id, page);
  if (page > articles.totalPages) redirect(pageHref(`/users/${profile.handle}`, articles.totalPages));
  return (
    <>
      <div className="page-intro">
        <h1>{profile.name}</h1>
        <p>
          @{profile.handle} · Joined <time dateTime={profile.joinedAt}>{formatDate(profile.joinedAt)}</time>
        </p>
        {profile.bio ? <p className="bio">{profile.bio}</p> : null}
      </div>
      {articles.total > 0 ? (
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading">Articles by {profile.name}</h2>
          <ArticleList articles={articles.items} />
          <Pagination basePath={`/users/${profile.handle}`} page={articles.page} totalPages={articles.totalPages} />
        </section>
      ) : (
        <p>{profile.isAuthor ? "No published articles yet." : `${profile.name} comments here.`}</p>
      )}
    </>
  );
}
