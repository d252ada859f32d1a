// A write's invalidation reaches the render that was in flight during it, reproduced against Next's
// own page cache (the handler this site runs, in a scratch folder). Next stamps a stored page with
// the time it was stored; a render that read the database before a write and is stored after the
// write's invalidation would be stamped newer than it and served as fresh, without the write, until
// the next invalidation. The handler stamps it with the time its render began instead.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, describe, expect, it, vi } from "vitest";
import ScriptHashCacheHandler from "./script-hash-cache-handler";

const dir = mkdtempSync(path.join(tmpdir(), "dept-revalidate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// With a memory cache in front of the files, as the server runs it (Next keeps 50 MB by default).
const cache = new ScriptHashCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 50 * 1024 * 1024 } as never);
// A second handler without the memory layer reads what is on disk (after a restart, or once the
// page has left the memory cache).
const fromDisk = new ScriptHashCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 0 } as never);

// The site's revalidate calls reach the cache as they do in Next.
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: (tag: string, profile: { expire?: number }) => void cache.revalidateTag(tag, profile),
  unstable_cache: <T>(fn: T) => fn,
}));
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
const read = async (handler: ScriptHashCacheHandler, key: string) => ((await handler.get(key, getContext)) as { value: { html: string } } | null)?.value.html ?? null;
const served = (key: string) => read(cache, key);
/** The next millisecond: the cache compares stamps in milliseconds. */
const nextTick = async () => {
  const at = Date.now();
  while (Date.now() <= at) await new Promise((resolve) => setImmediate(resolve));
};

describe("revalidateArticle", () => {
  it("expires a page whose render was in flight during the write, though it was stored after the invalidation", async () => {
    const slug = "in-flight";
    const key = `/articles/${slug}`;
    // Nothing stored: the request that asks renders the page, reading the discussion before the comment.
    expect(await served(key)).toBeNull();
    await nextTick();
    // Meanwhile the comment is written and the article invalidated; then the render is stored.
    revalidateArticle(slug);
    await nextTick();
    await cache.set(key, pageOf(slug, "rendered before the comment, stored after") as never, setContext);

    // Not served: the next reader's request renders the page again, and sees the comment.
    expect(await served(key)).toBeNull();
    await nextTick();
    await cache.set(key, pageOf(slug, "with the comment") as never, setContext);
    expect(await served(key)).toContain("with the comment");
  });

  it("serves a page rendered after the write until the next one", async () => {
    const slug = "after";
    const key = `/articles/${slug}`;
    revalidateArticle(slug);
    await nextTick();
    expect(await served(key)).toBeNull();
    await cache.set(key, pageOf(slug, "with the comment") as never, setContext);
    expect(await served(key)).toContain("with the comment");
    expect(await read(fromDisk, key)).toContain("with the comment");
    await nextTick();
    revalidateArticle(slug);
    expect(await served(key)).toBeNull();
  });

  it("stamps the copy on disk with the render's start as well", async () => {
    const slug = "on-disk";
    const key = `/articles/${slug}`;
    expect(await read(fromDisk, key)).toBeNull();
    await nextTick();
    revalidateArticle(slug);
    await nextTick();
    await fromDisk.set(key, pageOf(slug, "rendered before the comment, stored after") as never, setContext);
    expect(await read(fromDisk, key)).toBeNull();
  });
});
