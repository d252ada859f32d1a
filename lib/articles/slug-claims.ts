// Which slugs an article may take, checked inside the saving transaction. A slug belongs to one
// article: its current slug, or an old slug that still redirects to it (ArticleRedirect). Taking
// another article's old slug would silently break that article's old links, so it is refused too.
import type { Tx } from "../db";
import { FieldError } from "../errors";
import type { TagInput } from "./schemas";
import { nextFreeSlug } from "./slug";

export type { Tx } from "../db";

export const SLUG_TAKEN = "That slug is taken.";

/** Slugs starting with `base` held by articles other than `articleId` (current or redirecting). */
async function slugsTakenLike(tx: Tx, base: string, articleId: string | null): Promise<Set<string>> {
  const other = articleId ? { not: articleId } : undefined;
  const [articles, redirects] = await Promise.all([
    tx.article.findMany({ where: { slug: { startsWith: base }, id: other }, select: { slug: true } }),
    tx.articleRedirect.findMany({ where: { oldSlug: { startsWith: base }, articleId: other }, select: { oldSlug: true } }),
  ]);
  return new Set([...articles.map((a) => a.slug), ...redirects.map((r) => r.oldSlug)]);
}

/** A slug typed by the author: theirs to take, or a field error. */
export async function claimSlug(tx: Tx, slug: string, articleId: string | null): Promise<string> {
  const other = articleId ? { not: articleId } : undefined;
  const [article, redirect] = await Promise.all([
    tx.article.findFirst({ where: { slug, id: other }, select: { id: true } }),
    tx.articleRedirect.findFirst({ where: { oldSlug: slug, articleId: other }, select: { oldSlug: true } }),
  ]);
  if (article || redirect) throw new FieldError("slug", SLUG_TAKEN);
  return slug;
}

/** A slug derived from the title: the first free one among `base`, `base-2`, `base-3`… */
export async function freeSlug(tx: Tx, base: string, articleId: string | null): Promise<string> {
  return nextFreeSlug(base, await slugsTakenLike(tx, base, articleId));
}

/**
 * Tag ids for the chosen tags, creating the new ones. An existing tag is found by its slug or
 * its name, so "privacy" picks the existing "Privacy" instead of making a twin.
 */
export async function tagIdsFor(tx: Tx, tags: TagInput[]): Promise<{ id: string; slug: string }[]> {
  const found: { id: string; slug: string }[] = [];
  for (const tag of tags) {
    const existing = await tx.tag.findFirst({ where: { OR: [{ slug: tag.slug }, { name: tag.name }] }, select: { id: true, slug: true } });
    found.push(existing ?? (await tx.tag.create({ data: { slug: tag.slug, name: tag.name }, select: { id: true, slug: true } })));
  }
  // Two spellings can land on one existing tag ("Privacy" by slug, "privacy!" by name…).
  return found.filter((t, i) => found.findIndex((u) => u.id === t.id) === i);
}
