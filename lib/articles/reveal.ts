// Scheduled articles appear at publishedAt with no cron. The lists (home, tags, feeds, sitemap)
// are rendered per request and compare publishedAt with now (visibleArticleWhere), so they need
// nothing. The article page is different: it is cached (ISR, an hour), and a visit before the
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
