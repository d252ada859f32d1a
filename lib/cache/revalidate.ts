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

// The latest write of each kind (an article's discussion, the activity pages, …) in this process.
const latestWrite = new Map<string, number>();
let writes = 0;

/**
 * Invalidates now, and once more a render window after the *last* of a burst of writes of the same
 * kind. Each write's own invalidation already expires whatever a render stored before it, so
 * only the last write needs the late one: twenty comments a second on one article cost twenty
 * re-renders of its page, not forty. (A render begun before an earlier write ends within the
 * window, so before the last write's late invalidation.)
 */
function revalidateTwice(kind: string, invalidate: () => void): void {
  invalidate();
  const write = ++writes;
  latestWrite.set(kind, write);
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, RENDER_WINDOW_MS));
    if (latestWrite.get(kind) !== write) return;
    latestWrite.delete(kind);
    invalidate();
  });
}

// What members wrote and how it was rated, beyond one article: a profile's comments, counts and
// badges, the best of the week. Every write to a discussion and every rating expires it (coarse:
// these pages are few and cheap to render; finding whose profile a write touches is not).
const ACTIVITY_TAG = "activity";

/** Called while rendering a page that shows members' comments or ratings across articles. */
export async function tagActivity(): Promise<void> {
  await tagRenderedPage(["activity"], ACTIVITY_TAG);
}

export function revalidateArticle(slug: string): Promise<void> {
  revalidateTwice(articleTag(slug), () => {
    revalidatePath(`/articles/${slug}`);
    revalidateTag(articleTag(slug), { expire: 0 });
    revalidateTag(ACTIVITY_TAG, { expire: 0 });
  });
  return applyToSharedCache([articleTag(slug), ACTIVITY_TAG]);
}

/** A rating or flag that changed no article page (revalidateArticle covers those that did). */
export function revalidateRatings(): Promise<void> {
  revalidateTwice(ACTIVITY_TAG, () => revalidateTag(ACTIVITY_TAG, { expire: 0 }));
  return applyToSharedCache([ACTIVITY_TAG]);
}

/** Every cached page (a site setting changed what they all show). */
export function revalidateEverything(): Promise<void> {
  revalidateTwice("everything", () => revalidatePath("/", "layout"));
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
  revalidateTwice(`members:${handles.join(" ")}`, () => {
    for (const handle of handles) revalidateTag(memberTag(handle), { expire: 0 });
    revalidateTag(LISTINGS_TAG, { expire: 0 });
  });
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
  revalidateTwice(LISTINGS_TAG, () => revalidateTag(LISTINGS_TAG, { expire: 0 }));
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
