// One instance without Redis keeps the pages it caches on its disk within CACHE_MAX_ENTRIES,
// however many distinct pages readers ask for (tests/cache/disk-bound.test.ts sends the handler
// 10,000; here a running server, with the files Next really writes, and fewer).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "./comments-helpers";
import { asArray, parseXml, test, textOf, uniqueIp } from "./fixtures";
import { removeInstanceFolder, startInstance } from "./instances";

test.describe.configure({ timeout: 120_000 });

const CAP = 10;

/** Cached pages on the instance's disk (one .meta file each). */
function cachedPages(folder: string): number {
  let count = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.endsWith(".segments")) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith(".meta")) count++;
    }
  };
  const root = path.join(folder, "server", "route-cache");
  if (existsSync(root)) walk(root);
  return count;
}

test("a server asked for many distinct pages keeps at most CACHE_MAX_ENTRIES of them on disk", async () => {
  const instance = await startInstance({ env: { REDIS_URL: undefined, CACHE_MAX_ENTRIES: String(CAP) } });
  try {
    const get = (p: string) => fetch(new URL(p, instance.url), { headers: { "x-forwarded-for": uniqueIp() } });
    const sitemap = parseXml(await (await get("/sitemap.xml")).text()) as { urlset?: { url?: unknown } };
    const articles = asArray(sitemap.urlset?.url as { loc: unknown }[] | undefined)
      .map((u) => new URL(textOf(u.loc)).pathname)
      .filter((p) => p.startsWith("/articles/"));
    // Each article page and two of its views: pages of their own in the cache.
    const pages = articles.flatMap((p) => [p, `${p}?view=flat`, `${p}?sort=newest`]);
    expect(pages.length).toBeGreaterThan(3 * CAP);
    for (const p of pages) expect((await get(p)).status, p).toBe(200);
    const kept = cachedPages(instance.folder);
    console.log(`${pages.length} distinct pages asked for, ${kept} kept on disk (cap ${CAP})`);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(CAP);
    // The newest stays cached: asked again, it is served from the cache.
    expect((await get(pages.at(-1)!)).headers.get("x-nextjs-cache")).toBe("HIT");
  } finally {
    await instance.stop();
    removeInstanceFolder(instance.folder);
  }
});
