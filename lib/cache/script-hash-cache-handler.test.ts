// The page cache keeps what only real pages add up to: a 404 (an unknown article, a page of
// comments past the end, an unknown tag's feed) or a redirect (a list's page past its end) is
// answered but not stored, unless it replaces a page stored at its address. Against Next's own
// file-system cache, in a scratch folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, describe, expect, it } from "vitest";
import ScriptHashCacheHandler from "./script-hash-cache-handler";

const dir = mkdtempSync(path.join(tmpdir(), "dept-page-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cache = new ScriptHashCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [] } as never);
const setContext = { cacheControl: { revalidate: 3600, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;
const page = (status: number, text: string) => ({ kind: "APP_PAGE", html: `<p>${text}</p><script>go()</script>`, rscData: Buffer.from(text), headers: {} as Record<string, string>, status, postponed: undefined, segmentData: undefined });
const stored = (key: string) => path.join(dir, "app", `${key}.html`);
const route = (status: number, text: string) => ({ kind: "APP_ROUTE", body: Buffer.from(text), headers: { "content-type": "text/plain" } as Record<string, string>, status });
const read = (key: string) => cache.get(key, { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as never);

describe("the page cache", () => {
  it("answers a 404 with its script policy but stores nothing for it", async () => {
    for (const key of ["/articles/no-such-article", "/articles/real/v/p-9999", "/articles/%0D%0A"]) {
      const notFound = page(404, "Page not found");
      await cache.set(key, notFound as never, setContext);
      expect(notFound.headers["content-security-policy"]).toContain("script-src 'self' 'sha256-");
      expect(existsSync(stored(key)), key).toBe(false);
      expect(await read(key)).toBeNull();
    }
  });

  it("stores a page, and replaces it with the 404 its address later answers", async () => {
    const key = "/articles/taken-back";
    await cache.set(key, page(200, "The article") as never, setContext);
    expect(readFileSync(stored(key), "utf8")).toContain("The article");
    await cache.set(key, page(404, "Page not found") as never, setContext);
    expect(readFileSync(stored(key), "utf8")).toContain("Page not found");
    expect(((await read(key)) as { value: { status: number } }).value.status).toBe(404);
  });

  it("stores neither a list's redirect from past its end nor a route handler's 404, unless they replace what was stored", async () => {
    const redirect = { ...page(307, ""), headers: { location: "/?page=3" } as Record<string, string> };
    await cache.set("/page/99999", redirect as never, setContext);
    expect(existsSync(stored("/page/99999"))).toBe(false);
    const feed = "/tags/no-such-tag/feed.xml";
    await cache.set(feed, route(404, "Not found") as never, setContext);
    expect(existsSync(path.join(dir, "app", `${feed}.body`))).toBe(false);
    // A feed that was stored is replaced by its 404 (the tag's last article went back to draft).
    const gone = "/tags/emptied/feed.xml";
    await cache.set(gone, route(200, "<rss/>") as never, setContext);
    await cache.set(gone, route(404, "Not found") as never, setContext);
    expect(readFileSync(path.join(dir, "app", `${gone}.body`), "utf8")).toBe("Not found");
  });
});
