// A cached list of articles changes by itself when a scheduled article's time T comes
// (lib/articles/reveal.ts): reproduced against Next's own page cache (the handler this site runs,
// in a scratch folder) on an injected clock. The list is served until T and never after it, a
// later save of another scheduled article does not move T's expiry, and without the expiry (after
// a restart) the list's own revalidate time reaches T.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import ScriptHashCacheHandler from "../../lib/cache/script-hash-cache-handler";

const dir = mkdtempSync(path.join(tmpdir(), "dept-listings-reveal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cache = new ScriptHashCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 50 * 1024 * 1024 } as never);

// What a render's unstable_cache calls put on the page: its tags and the lowest revalidate.
const render = vi.hoisted(() => ({ tags: [] as string[], revalidate: 3600 }));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: (tag: string, profile: { expire?: number }) => void cache.revalidateTag(tag, profile),
  unstable_cache: (fn: () => unknown, _keys: string[], options: { tags: string[]; revalidate: number }) => {
    render.tags.push(...options.tags);
    render.revalidate = Math.min(render.revalidate, options.revalidate);
    return fn;
  },
}));
const { expireListingsAt, holdListingUntil } = await import("../../lib/articles/reveal");

/** The clock Next's cache reads: Date.now when storing and tagging, performance for expiry. */
function setClock(at: number) {
  vi.spyOn(Date, "now").mockReturnValue(at);
  vi.spyOn(performance, "now").mockReturnValue(at - performance.timeOrigin);
}
afterEach(() => vi.restoreAllMocks());

const setContext = { cacheControl: { revalidate: 3600, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;
const getContext = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as never;

/** Renders the front page at `now` while the next scheduled article is at `next`, and stores it. */
async function renderFrontPage(key: string, next: Date, now: number) {
  render.tags = ["listings"];
  render.revalidate = 3600;
  setClock(now);
  await holdListingUntil(next, now);
  const page = { kind: "APP_PAGE", html: "<p>the list</p>", rscData: Buffer.from("list"), headers: { "x-next-cache-tags": render.tags.join(",") }, status: 200, postponed: undefined, segmentData: undefined };
  await cache.set(key, page as never, setContext);
  return { revalidate: render.revalidate };
}
async function servedAt(key: string, now: number) {
  setClock(now);
  return (await cache.get(key, getContext)) !== null;
}

describe("a cached list while an article is scheduled for T", () => {
  const t0 = Math.ceil(Date.now() / 1000) * 1000 + 10_000;
  const T = new Date(t0 + 3600_000 - 5_000);

  it("is served until T and expires at T (plus at most two seconds), however many scheduled saves follow", async () => {
    const key = "/page/1";
    // The author schedules the article (its save also expires every list at once).
    setClock(t0);
    expireListingsAt(T, t0);
    // A reader's visit renders the list without it, knowing T is next.
    await renderFrontPage(key, T, t0 + 10_000);
    expect(await servedAt(key, t0 + 20_000)).toBe(true);
    // Another author schedules an article for later: that save must not move T's expiry.
    setClock(t0 + 30_000);
    expireListingsAt(new Date(T.getTime() + 600_000), t0 + 30_000);

    expect(await servedAt(key, T.getTime() - 1)).toBe(true);
    expect(await servedAt(key, T.getTime() + 2000)).toBe(false);
  });

  it("revalidates by itself one second after T when the expiry is lost (a restart), never later than the page's hour", async () => {
    expect((await renderFrontPage("/tags/ink", T, T.getTime() - 20_000)).revalidate).toBe(21);
    expect((await renderFrontPage("/tags/ink", T, T.getTime() - 5 * 3600_000)).revalidate).toBe(3600);
    // Rendered just after T (its query ran a moment before): at once.
    expect((await renderFrontPage("/tags/ink", T, T.getTime() + 500)).revalidate).toBe(1);
  });

  it("carries no tag of its own when nothing is scheduled", async () => {
    render.tags = [];
    await holdListingUntil(null);
    expect(render.tags).toEqual([]);
  });
});
