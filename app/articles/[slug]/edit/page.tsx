import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { ArticleForm } from "@/components/articles/article-form";
import { getViewer } from "@/lib/auth/viewer";
import { getArticleForEdit, type EditableArticle } from "@/lib/articles/author-queries";
import { toLocalInputValue } from "@/lib/articles/local-time";
import { FOR_AUTHORS, NOT_YOURS, canEditArticle, canWrite } from "@/lib/articles/permissions";
import { listTags } from "@/lib/articles/queries";
import { formatDateTime } from "@/lib/format";
import { renderMarkdown } from "@/lib/markdown/render";

export const metadata: Metadata = { title: "Edit article", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string | string[] }> };

function savedMessage(article: EditableArticle): string {
  if (article.state === "scheduled" && article.publishedAt) return `Saved. It will appear on the site on ${formatDateTime(article.publishedAt)}.`;
  if (article.state === "published") return "Saved.";
  return "Saved as a draft: only you (and the site's admins) can see it.";
}

const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

function Refusal({ text }: { text: string }) {
  return (
    <div className="narrow">
      <h1>Edit article</h1>
      <p>{text}</p>
    </div>
  );
}

/** Per request (it reads the session), unlike the cached article page above it. */
export default async function EditArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/articles/${slug}/edit`)}`);
  if (!canWrite(viewer)) return <Refusal text={FOR_AUTHORS} />;
  const article = await getArticleForEdit(slug);
  if (!article) notFound();
  if (article.slug !== slug) redirect(`/articles/${article.slug}/edit`);
  if (!canEditArticle(viewer, article)) return <Refusal text={NOT_YOURS} />;
  const [tags, query] = await Promise.all([listTags(), searchParams]);
  return (
    <>
      <h1>Edit article</h1>
      {query.saved === "1" ? (
        <p className="form-message form-message--ok" role="status">
          {savedMessage(article)}
        </p>
      ) : null}
      <p className="meta">
        {viewer.id === article.authorId ? null : <>By {article.authorName} · </>}
        {article.state === "published" ? <IntentLink href={`/articles/${article.slug}`}>View the article</IntentLink> : <>Not on the site yet</>} ·{" "}
        <IntentLink href="/write#your-articles">Your articles</IntentLink>
      </p>
      <ArticleForm
        // A save comes back here (draft, scheduled): a fresh form shows what was stored.
        key={article.updatedAt}
        article={{
          ...pick(article, ["id", "slug", "title", "dept", "tags", "body", "excerpt", "state", "publishedAt"]),
          scheduledLocal: article.state === "scheduled" && article.publishedAt ? toLocalInputValue(new Date(article.publishedAt)) : "",
          previewHtml: renderMarkdown(article.body, "article"),
        }}
        existingTags={tags.map((t) => t.name)}
      />
    </>
  );
}
