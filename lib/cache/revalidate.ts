// Invalidating a cached article page after a write to its discussion.
//
// Next stamps a cached page with the time it was *stored*, not the time its render began. A
// render that read the database just before a write, and finished just after it, is therefore
// stored as newer than the write's invalidation and would be served as fresh, without the write,
// until the next invalidation (seen in e2e on PostgreSQL: a comment flagged past the threshold
// stayed unfolded; reproduced against Next's cache in revalidate.test.ts). So the page is
// invalidated at once, and again once any render that was in flight during the write has
// finished: every read is at most one write behind, briefly.
//
// A long discussion's other pages and views are cached pages of their own (/articles/<slug>/v/…),
// so every page of an article carries the article's tag and a write expires them all at once.
import { after } from "next/server";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";

// Longer than the slowest article render (a 5,000-comment thread on a busy machine).
const RENDER_WINDOW_MS = 2_000;

const articleTag = (slug: string) => `article:${slug}`;

/** Called while rendering any page of an article's discussion, so revalidateArticle reaches it. */
export async function tagArticlePage(slug: string): Promise<void> {
  // The cached value is irrelevant: the call is what puts the tag on the page's cache entry.
  await unstable_cache(async () => true, ["article-page", slug], { tags: [articleTag(slug)] })();
}

// With REDIS_URL the page cache is shared (lib/cache/redis-page-cache.js), and Next hands a
// request's revalidations to it only once the response is on its way (route handlers; actions
// that redirect). Another instance could then serve the old page to a request sent the moment the
// response arrives. So the verbs also apply the change to the shared cache themselves, and the
// write paths await that before answering. Without Redis there is nothing to wait for.
const SHARED_CACHE = Symbol.for("dept.sharedPageCache");
type SharedCache = { revalidate: (tags: string[]) => Promise<void> };

async function applyToSharedCache(tags: string[]): Promise<void> {
  await (globalThis as { [SHARED_CACHE]?: SharedCache })[SHARED_CACHE]?.revalidate(tags);
}

// The tags Next gives a path (revalidatePath) and every page below a layout.
const pathTag = (path: string) => `_N_T_${path}`;

function revalidateTwice(invalidate: () => void): void {
  invalidate();
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, RENDER_WINDOW_MS));
    invalidate();
  });
}

export function revalidateArticle(slug: string): Promise<void> {
  revalidateTwice(() => {
    revalidatePath(`/articles/${slug}`);
    revalidateTag(articleTag(slug), { expire: 0 });
  });
  return applyToSharedCache([articleTag(slug)]);
}

/** Every cached page (a site setting changed what they all show). */
export function revalidateEverything(): Promise<void> {
  revalidateTwice(() => revalidatePath("/", "layout"));
  return applyToSharedCache([pathTag("/layout")]);
}

// The verbs below are the only places that name routes: feature code says what changed.

/**
 * A member's name or handle changed: it shows on every article page and view (bylines), and on
 * their profile, at its old and new address. The per-request views (`fresh/`) are never cached.
 */
export function revalidateMember(...handles: string[]): Promise<void> {
  revalidatePath("/articles/[slug]", "page");
  revalidatePath("/articles/[slug]/v/[variant]", "page");
  for (const handle of handles) revalidatePath(`/users/${handle}`);
  return applyToSharedCache([pathTag("/articles/[slug]/page"), pathTag("/articles/[slug]/v/[variant]/page"), ...handles.map((h) => pathTag(`/users/${h}`))]);
}

/** An article was saved: the lists that show it (front page, feeds, sitemap, its tags, its author). */
export function revalidateArticleListings(article: { tagSlugs: string[]; authorHandle: string }): void {
  for (const tag of article.tagSlugs) revalidatePath(`/tags/${tag}`);
  for (const path of ["/", "/feed.xml", "/sitemap.xml", `/users/${article.authorHandle}`]) revalidatePath(path);
}

/** A member's role or ban changed: the admin's member list shows it. */
export function revalidateMemberList(): void {
  revalidatePath("/admin/users");
}

/** A moderator decided on a comment: both queues (held comments, reports) may list it. */
export function revalidateModerationQueues(): void {
  revalidatePath("/moderation");
  revalidatePath("/moderation/reported");
}
