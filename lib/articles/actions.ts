"use server";

import { revalidateArticle, revalidateArticleListings } from "../cache/revalidate";
import { redirect } from "next/navigation";
import { getViewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues } from "../forms";
import { renderMarkdown } from "../markdown/render";
import { cleanText } from "../text";
import { createArticle, updateArticle, type SavedArticle } from "./mutations";
import { canWrite } from "./permissions";
import { expireListingsAt, expireNotFoundAt } from "./reveal";
import { ARTICLE_FIELDS, BODY_MAX, SaveArticleInput, type ArticleFormState } from "./schemas";

const SIGN_IN_AGAIN = "Your session has ended. Sign in again in another tab, then save here: nothing you typed is lost.";
const AUTHORS_ONLY = "Only authors can write articles.";

/** Exactly what the article page will show: the same renderer, the same (article) sanitizer. */
function renderPreview(body: string): string {
  return renderMarkdown(cleanText(body, { multiline: true }).slice(0, BODY_MAX), "article");
}

/** The write form's buttons: Save draft, Publish, Schedule, and Preview (which stores nothing). */
export async function saveArticleAction(_prev: ArticleFormState, formData: FormData): Promise<ArticleFormState> {
  const values = typedValues(formData, ARTICLE_FIELDS);
  const viewer = await getViewer();
  if (!viewer) return { message: SIGN_IN_AGAIN, values };
  const intent = String(formData.get("intent") ?? "");
  if (intent === "preview") return canWrite(viewer) ? { values, previewHtml: renderPreview(values.body ?? "") } : { message: AUTHORS_ONLY, values };
  const parsed = SaveArticleInput.safeParse({ ...formFields(formData, ARTICLE_FIELDS), intent });
  if (!parsed.success) return invalid(parsed.error, values);
  const { articleId, article, publication } = parsed.data;
  let saved: SavedArticle;
  try {
    saved = articleId ? await updateArticle(viewer, articleId, article, publication) : await createArticle(viewer, article, publication);
  } catch (error) {
    return failed(error, values);
  }
  await refreshPages(saved);
  // Published: see it as readers will. Draft or scheduled: back to the form, which says so.
  redirect(saved.isVisible ? `/articles/${saved.slug}` : `/articles/${saved.slug}/edit?saved=1`);
}

/** The live preview's request, debounced by the form as the body is typed. */
export async function previewArticleAction(body: unknown): Promise<{ html: string } | { error: string }> {
  if (!canWrite(await getViewer())) return { error: AUTHORS_ONLY };
  if (typeof body !== "string") return { error: "Nothing to preview." };
  return { html: renderPreview(body) };
}

async function refreshPages(saved: SavedArticle): Promise<void> {
  await Promise.all([saved.slug, ...saved.formerSlugs].map(revalidateArticle));
  await revalidateArticleListings();
  // Scheduled: a 404 cached for its address, and every list, must end at publishedAt
  // (lib/articles/reveal.ts).
  if (saved.status === "published" && saved.publishedAt && !saved.isVisible) {
    for (const slug of [saved.slug, ...saved.formerSlugs]) expireNotFoundAt(slug, saved.publishedAt);
    expireListingsAt(saved.publishedAt);
  }
}
