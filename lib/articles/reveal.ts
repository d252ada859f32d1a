// Scheduled articles appear at publishedAt with no cron. The pages compare publishedAt with now
// (visibleArticleWhere), but they are cached. The lists (front page, tags, profiles, feeds) are
// handled at the end of this file. The article page is cached (ISR, an hour), and a visit before the
// article's time caches its 404 when the address held a page already (an article published,
// then rescheduled; other 404s are not stored: lib/cache/script-hash-cache-handler.js). Next 16
// serves a cached page stale-while-revalidate, so a 404 that merely becomes stale at publishedAt
// would still be served once after it; and calling
// connection()/noStore() there is not an option: an ISR page that turns dynamic at run time
// fails with "Page changed from static to dynamic at runtime". So:
//
// 1. The 404 of a scheduled slug carries a tag (via unstable_cache, the pre-"use cache" way to
//    tag a page's cache entry).
// 2. Saving a scheduled article calls revalidateTag(tag, { expire: until publishedAt }). Past
//    `expire` Next no longer serves the entry stale: the first request after publishedAt waits
//    for a fresh render, which shows the article (Next's revalidateTag docs, "Revalidation
//    Behavior").
// 3. That expiry is kept in the server's memory. If the server restarts before publishedAt, the
//    404's own revalidate time (publishedAt + a minute) is the fallback: the page then appears
//    at most a minute and one request late, never an hour.
import { revalidateTag, unstable_cache } from "next/cache";

const FALLBACK_SECONDS = 60;
const PAGE_REVALIDATE_SECONDS = 3600;

const revealTag = (slug: string) => `article-reveal:${slug}`;
const secondsUntil = (at: Date, now: number) => Math.ceil((at.getTime() - now) / 1000);

// `now` is the clock; lib/articles/reveal.test.ts passes its own rather than waiting for `at`.

/** Article page, while rendering the 404 of a slug whose article is scheduled for `at`. */
export async function holdNotFoundUntil(slug: string, at: Date, now = Date.now()): Promise<void> {
  const revalidate = Math.min(Math.max(secondsUntil(at, now) + FALLBACK_SECONDS, 1), PAGE_REVALIDATE_SECONDS);
  // The cached value is irrelevant: calling it is what tags the page and lowers its revalidate.
  await unstable_cache(async () => true, ["article-reveal", slug], { tags: [revealTag(slug)], revalidate })();
}

/** Save action of a scheduled article: any 404 cached for `slug` expires at `at`. */
export function expireNotFoundAt(slug: string, at: Date, now = Date.now()): void {
  // One second more so it never expires early: a 404 rendered in the last moments before
  // publishedAt would otherwise outlive the expiry.
  revalidateTag(revealTag(slug), { expire: Math.max(secondsUntil(at, now) + 1, 1) });
}

// The lists of articles (lib/cache/revalidate.ts, tagListing) the same way. A list rendered while
// articles are scheduled carries the tag of the next publication time T, and the save of an
// article scheduled for T expires that tag at T: one tag per time, not one for all lists, because
// a tag holds a single expiry and a later save (another article, later) would move it. A save
// expires every list at once too, so a list rendered before it, which did not know T, is gone.
// Fallback after a restart (the expiries live in memory, and lib/cache/redis-page-cache.js keeps
// no expiry either): the list's revalidate reaches T plus a second, so the first request after
// that gets the old list and renders the new one, which every later request gets.
const listingsRevealTag = (at: Date) => `listings-reveal:${at.getTime()}`;

/** A list of articles, while rendering, when the next scheduled article appears at `next`. */
export async function holdListingUntil(next: Date | null, now = Date.now()): Promise<void> {
  if (!next) return;
  const revalidate = Math.min(Math.max(secondsUntil(next, now) + 1, 1), PAGE_REVALIDATE_SECONDS);
  await unstable_cache(async () => true, ["listings-reveal", String(next.getTime())], { tags: [listingsRevealTag(next)], revalidate })();
}

/** Save action of an article scheduled for `at`: the lists rendered until then expire at `at`. */
export function expireListingsAt(at: Date, now = Date.now()): void {
  revalidateTag(listingsRevealTag(at), { expire: Math.max(secondsUntil(at, now) + 1, 1) });
}
