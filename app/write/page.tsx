import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ArticleForm } from "@/components/articles/article-form";
import { OwnArticles } from "@/components/articles/own-articles";
import { getViewer } from "@/lib/auth/viewer";
import { listOwnArticles } from "@/lib/articles/author-queries";
import { FOR_AUTHORS, canWrite } from "@/lib/articles/permissions";
import { listTags } from "@/lib/articles/queries";

export const metadata: Metadata = { title: "Write an article", robots: { index: false } };

/** A new article, and the author's own articles (drafts, scheduled, published) below it. */
export default async function WritePage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/write");
  if (!canWrite(viewer)) {
    return (
      <div className="narrow">
        <h1>Write an article</h1>
        <p>{FOR_AUTHORS}</p>
      </div>
    );
  }
  const [tags, own] = await Promise.all([listTags(), listOwnArticles(viewer.id)]);
  return (
    <>
      <h1>Write an article</h1>
      <ArticleForm existingTags={tags.map((t) => t.name)} />
      <section id="your-articles" aria-labelledby="your-articles-heading">
        <h2 id="your-articles-heading">Your articles</h2>
        <OwnArticles articles={own} />
      </section>
    </>
  );
}
