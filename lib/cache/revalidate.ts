// Invalidating cached pages after a write.
//
// A render that read the database just before a write and finished just after the write's
// invalidation is stored as of the time it *began* (lib/cache/render-starts.js), so the
// invalidation expires it too: one invalidation per write is enough, and every read is at most
// the writes in flight behind.
//
// A long discussion's other pages and views are cached pages of their own (/articles/<slug>/v/…),
// so every page of an article carries the article's tag and a write expires them all at once.
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";

const articleTag = (slug: string) => `article:${slug}`;

/** Puts `tag` on the cache entry of the page being rendered. The cached value is irrelevant: the
 *  call is what tags the page (the pre-"use cache" way). */
async function tagRenderedPage(key: string[], tag: string): Promise<void> {
  await unstable_cache(async () => true, key, { tags: [tag] })();
}

/** Called while rendering any page of an article's discussion, so revalidateArticle reaches it. */
export async function tagArticlePage(slug: string): Promise<void> {
  await tagRenderedPage(["article-page", slug], articleTag(slug));
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

// What members wrote and how it was rated, beyond one article: a profile's comments, counts and
// badges, the best of the week. Every write to a discussion and every rating expires it (coarse:
// these pages are few and cheap to render; finding whose profile a write touches is not).
const ACTIVITY_TAG = "activity";

/** Called while rendering a page that shows members' comments or ratings across articles. */
export async function tagActivity(): Promise<void> {
  await tagRenderedPage(["activity"], ACTIVITY_TAG);
}

export function revalidateArticle(slug: string): Promise<void> {
  revalidatePath(`/articles/${slug}`);
  revalidateTag(articleTag(slug), { expire: 0 });
  revalidateTag(ACTIVITY_TAG, { expire: 0 });
  return applyToSharedCache([articleTag(slug), ACTIVITY_TAG]);
}

/** A rating or flag that changed no article page (revalidateArticle covers those that did). */
export function revalidateRatings(): Promise<void> {
  revalidateTag(ACTIVITY_TAG, { expire: 0 });
  return applyToSharedCache([ACTIVITY_TAG]);
}

/** Every cached page (a site setting changed what they all show). */
export function revalidateEverything(): Promise<void> {
  revalidatePath("/", "layout");
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
  // Every page of the profile (./p/…), and the lists whose cards name them.
  for (const handle of handles) revalidateTag(memberTag(handle), { expire: 0 });
  revalidateTag(LISTINGS_TAG, { expire: 0 });
  return applyToSharedCache([pathTag("/articles/[slug]/page"), pathTag("/articles/[slug]/v/[variant]/page"), ...handles.map(memberTag), LISTINGS_TAG]);
}

const memberTag = (handle: string) => `member:${handle}`;

/** Called while rendering any page of a member's profile. */
export async function tagMemberPage(handle: string): Promise<void> {
  await Promise.all([tagRenderedPage(["member-page", handle], memberTag(handle)), tagActivity()]);
}

// Every list of articles (the front page and its pages, tag pages, profiles, the site's and
// tags' feeds) is cached and carries one tag: an article's save, rare next to reads, expires them
// all, including the pages a save moved articles between. A list's cards show comment counts, so
// it carries the tag of each article it shows as well: revalidateArticle reaches the lists showing
// that article. Scheduled articles appearing on time: lib/articles/reveal.ts.
const LISTINGS_TAG = "listings";

/** Called while rendering a list of articles; `cards`: the slugs whose comment counts it shows. */
export async function tagListing(cards: string[] = []): Promise<void> {
  await Promise.all([tagRenderedPage(["listings"], LISTINGS_TAG), ...cards.map(tagArticlePage)]);
}

/** An article was saved, published, unpublished or deleted: every list that shows articles. */
export function revalidateArticleListings(): Promise<void> {
  revalidateTag(LISTINGS_TAG, { expire: 0 });
  return applyToSharedCache([LISTINGS_TAG]);
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
