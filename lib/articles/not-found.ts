// The article page's answer when a slug shows no visible article.
import { notFound, permanentRedirect } from "next/navigation";
import { explainMissingArticle } from "./lookup";
import { holdNotFoundUntil } from "./reveal";

/** Follows a published article's changed slug; otherwise 404, cached no longer than a scheduled article's time. */
export async function articleNotFound(slug: string): Promise<never> {
  const missing = await explainMissingArticle(slug);
  if (missing && "movedTo" in missing) permanentRedirect(`/articles/${missing.movedTo}`);
  if (missing && "scheduledFor" in missing) await holdNotFoundUntil(slug, missing.scheduledFor);
  notFound();
}

/** Any other cached answer for a slug with no visible article (its feed's 404): no longer than a scheduled article's time. */
export async function holdUntilPublished(slug: string): Promise<void> {
  const missing = await explainMissingArticle(slug);
  if (missing && "scheduledFor" in missing) await holdNotFoundUntil(slug, missing.scheduledFor);
}
