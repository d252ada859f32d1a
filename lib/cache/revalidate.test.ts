// Why revalidateArticle invalidates twice, reproduced against Next's own page cache (the handler
// this site runs, in a scratch folder). Next stamps a cached page with the time it was stored. A
// render that read the database before a write and is stored after the write's invalidation is
// stamped newer than it, so it is served as fresh, without the write, until the next
// invalidation. The second invalidation, once any such render has finished, is that one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import ScriptHashCacheHandler from "./script-hash-cache-handler";

const dir = mkdtempSync(path.join(tmpdir(), "dept-revalidate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// With a memory cache in front of the files, as the server runs it (Next keeps 50 MB by default).
const cache = new ScriptHashCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 50 * 1024 * 1024 } as never);

// The site's revalidate calls reach the cache as they do in Next; `after` work is kept to run
// when the test says the response has been sent.
const afterResponse: (() => Promise<void>)[] = [];
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: (tag: string, profile: { expire?: number }) => void cache.revalidateTag(tag, profile),
  unstable_cache: <T>(fn: T) => fn,
}));
vi.mock("next/server", () => ({ after: (work: () => Promise<void>) => void afterResponse.push(work) }));
const { revalidateArticle } = await import("./revalidate");

const setContext = { cacheControl: { revalidate: 3600, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;
const getContext = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as never;
const pageOf = (slug: string, text: string) => ({
  kind: "APP_PAGE",
  html: `<p>${text}</p>`,
  rscData: Buffer.from(text),
  // What tagArticlePage puts on every page of the article's discussion.
  headers: { "x-next-cache-tags": `article:${slug}` } as Record<string, string>,
  status: 200,
  postponed: undefined,
  segmentData: undefined,
});
const served = async (key: string) => ((await cache.get(key, getContext)) as { value: { html: string } } | null)?.value.html ?? null;
/** The next millisecond: the cache compares stamps in milliseconds. */
const nextTick = async () => {
  const at = Date.now();
  while (Date.now() <= at) await new Promise((resolve) => setImmediate(resolve));
};

afterEach(() => {
  afterResponse.length = 0;
  vi.restoreAllMocks();
});

describe("revalidateArticle", () => {
  it("expires a page that a render in flight during the write stored after the write's invalidation", async () => {
    const slug = "in-flight";
    const key = `/articles/${slug}`;
    await cache.set(key, pageOf(slug, "before the comment") as never, setContext);
    expect(await served(key)).toContain("before the comment");

    // A render reads the discussion (no new comment yet); meanwhile the comment is written and the
    // article invalidated; then the render finishes and is stored.
    await nextTick();
    revalidateArticle(slug);
    await nextTick();
    await cache.set(key, pageOf(slug, "rendered before the comment, stored after") as never, setContext);

    // The race: the stale render is stamped after the invalidation, so it is served as fresh.
    expect(await served(key)).toContain("rendered before the comment, stored after");

    // Once the response is sent, the second invalidation runs after the render window (the wait
    // itself is not the point here: it is skipped).
    await nextTick();
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((run: () => void) => {
      run();
      return 0;
    }) as never);
    expect(afterResponse).toHaveLength(1);
    await Promise.all(afterResponse.map((work) => work()));

    // The stale page is gone: the next reader gets a fresh render, with the comment.
    expect(await served(key)).toBeNull();
  });

  it("after a burst of writes to one article, invalidates late once: after the last write", async () => {
    const slug = "burst";
    const key = `/articles/${slug}`;
    const invalidations = vi.spyOn(cache, "revalidateTag");
    await cache.set(key, pageOf(slug, "before the burst") as never, setContext);

    // Two comments in quick succession; a render begun before the first is stored after the second.
    await nextTick();
    revalidateArticle(slug);
    await nextTick();
    revalidateArticle(slug);
    await nextTick();
    await cache.set(key, pageOf(slug, "rendered before the burst, stored after") as never, setContext);
    expect(await served(key)).toContain("stored after");

    vi.spyOn(globalThis, "setTimeout").mockImplementation(((run: () => void) => {
      run();
      return 0;
    }) as never);
    expect(afterResponse).toHaveLength(2);
    // The first write's late invalidation is left to the second's.
    await afterResponse[0]();
    expect(await served(key)).toContain("stored after");
    await afterResponse[1]();
    expect(await served(key)).toBeNull();
    // Two writes, three invalidations of the article: one each at once, one late.
    expect(invalidations.mock.calls.filter(([tag]) => tag === `article:${slug}`)).toHaveLength(3);
  });
});
