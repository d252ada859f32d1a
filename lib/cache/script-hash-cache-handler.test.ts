// The page cache keeps what only real pages add up to: a 404 (an unknown article, a page of
// comments past the end) is answered but not stored, unless it replaces a page stored at its
// address. Against Next's own file-system cache, in a scratch folder.
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
});
