// Which stored pages the server may send again from its copy (lib/cache/servable-entries.js),
// against Next's own page cache as the site runs it (the handler, with its memory layer, in a
// scratch folder): exactly those Next would still serve as they are.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, describe, expect, it } from "vitest";
import ScriptHashCacheHandler from "@/lib/cache/script-hash-cache-handler";
import { isServable, notedCount } from "@/lib/cache/servable-entries";

const dir = mkdtempSync(path.join(tmpdir(), "dept-servable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cache = new ScriptHashCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 50 * 1024 * 1024 } as never);

const HOUR = { cacheControl: { revalidate: 3600, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;
const getContext = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as never;
const pageOf = (tag: string, text: string) => ({
  kind: "APP_PAGE",
  html: `<p>${text}</p>`,
  rscData: Buffer.from(text),
  headers: { "x-next-cache-tags": `_N_T_/layout,${tag}` } as Record<string, string>,
  status: 200,
  postponed: undefined,
  segmentData: undefined,
});
type Served = { value: { html: string; headers: { etag: string } } } | null;
/** Next's lookup of a page: its entry, or null when Next would render it again. */
const lookUp = async (key: string) => (await cache.get(key, getContext)) as Served;
/** Stores a render of `key` and gives the ETag the server would see on it. */
async function store(key: string, tag: string, text: string, context = HOUR): Promise<string> {
  const page = pageOf(tag, text);
  await cache.set(key, page as never, context);
  return (page.headers as Record<string, string>).etag;
}
const nextTick = async () => {
  const at = Date.now();
  while (Date.now() <= at) await new Promise((resolve) => setImmediate(resolve));
};

describe("isServable", () => {
  it("holds for a page just stored and for one Next hands out, by the ETag stored with it", async () => {
    const etag = await store("/articles/stored", "article:stored", "first");
    expect(etag).toMatch(/^".+"$/);
    expect(isServable(etag)).toBe(true);
    expect((await lookUp("/articles/stored"))?.value.headers.etag).toBe(etag);
    expect(isServable(etag)).toBe(true);
  });

  it("ends when a write expires one of the page's tags, as Next's lookup does", async () => {
    const etag = await store("/articles/written", "article:written", "before the comment");
    await nextTick();
    await cache.revalidateTag("article:written", { expire: 0 });
    expect(await lookUp("/articles/written")).toBeNull();
    expect(isServable(etag)).toBe(false);
  });

  it("ends when a path's layout is revalidated (Next's implicit tags)", async () => {
    const etag = await store("/articles/layout", "article:layout", "page");
    await nextTick();
    await cache.revalidateTag("_N_T_/layout", { expire: 0 });
    expect(isServable(etag)).toBe(false);
  });

  it("ends when a tag is marked stale (served stale by Next while it renders again)", async () => {
    const etag = await store("/articles/stale", "article:stale", "page");
    await nextTick();
    await cache.revalidateTag("article:stale", {});
    expect(isServable(etag)).toBe(false);
  });

  it("does not hold for a render begun before a write and stored after it", async () => {
    const key = "/articles/in-flight";
    expect(await lookUp(key)).toBeNull(); // the miss that starts the render
    await nextTick();
    await cache.revalidateTag("article:in-flight", { expire: 0 });
    await nextTick();
    const etag = await store(key, "article:in-flight", "without the comment");
    expect(await lookUp(key)).toBeNull();
    expect(isServable(etag)).toBe(false);
  });

  it("ends when a newer render of the same page replaces it", async () => {
    const old = await store("/articles/replaced", "article:replaced", "old");
    const current = await store("/articles/replaced", "article:replaced", "new");
    expect(isServable(old)).toBe(false);
    expect(isServable(current)).toBe(true);
  });

  it("keeps one note per page, however often it is rendered again (each write renders a discussion again)", async () => {
    const before = notedCount();
    for (let i = 0; i < 5; i++) await store("/articles/busy", "article:busy", `render ${i}`);
    expect(notedCount()).toBe(before + 1);
  });

  it("ends when the page's revalidate time has passed (Next would serve it stale and render it again)", async () => {
    const etag = await store("/articles/timed", "article:timed", "page", { cacheControl: { revalidate: 60, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never);
    const now = performance.timeOrigin + performance.now();
    expect(isServable(etag, now + 59_000)).toBe(true);
    expect(isServable(etag, now + 61_000)).toBe(false);
  });

  it("does not hold for an ETag no page was stored with", () => {
    expect(isServable('"never-stored"')).toBe(false);
  });
});
