// One instance's page cache stays within its caps however many distinct pages are asked for: the
// 10,000 page variants of issue 20 (pages × views of a discussion) go through the cache handler
// Next uses, into a scratch build folder, and what is left on disk is counted.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, describe, expect, it } from "vitest";
import ScriptHashCacheHandler from "@/lib/cache/script-hash-cache-handler";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// In memory where the system offers it (tens of thousands of small files come and go).
const scratchRoot = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
function scratch(): string {
  const dir = mkdtempSync(path.join(scratchRoot, "dept-cache-bound-"));
  dirs.push(dir);
  return dir;
}

const setContext = { cacheControl: { revalidate: 3600, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;
const getContext = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as never;
// The key Next gives a page of an article's discussion (lib route-cache-key.js).
const keyOf = (n: number) => `/route-cache/APP_PAGE/0f3c/$/articles/a-long-discussion/v/p-${n}-oldest`;
const page = (n: number) => ({
  kind: "APP_PAGE",
  html: `<main>page ${n}</main>${"x".repeat(1_500)}<script>go()</script>`,
  rscData: Buffer.from(`rsc ${n} ${"y".repeat(1_000)}`),
  headers: {},
  status: 200,
  postponed: undefined,
  segmentData: undefined,
});

function onDisk(dir: string): { entries: number; bytes: number } {
  let entries = 0;
  let bytes = 0;
  const walk = (at: string) => {
    for (const dirent of readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, dirent.name);
      if (dirent.isDirectory()) walk(file);
      else {
        bytes += statSync(file).size;
        if (dirent.name.endsWith(".html")) entries++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { entries, bytes };
}

function handler(dir: string, caps: { maxEntries: number; maxBytes: number }) {
  return new ScriptHashCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], ...caps } as never);
}

describe("the page cache of one instance", () => {
  // 30,000 files written and most removed again: longer than the default on a busy machine.
  it("keeps 10,000 distinct pages within its entry cap, newest kept", { timeout: 180_000 }, async () => {
    const dir = scratch();
    // Ten requests at a time, each with a handler of its own, as Next makes them.
    for (let n = 0; n < 10_000; n += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => handler(dir, { maxEntries: 300, maxBytes: 1024 ** 3 }).set(keyOf(n + i), page(n + i) as never, setContext)));
    }
    const { entries, bytes } = onDisk(path.join(dir, "route-cache"));
    console.log(`10,000 pages written, ${entries} left on disk (${Math.round(bytes / 1024)} KB)`);
    expect(entries).toBe(300);
    for (const n of [9_999, 9_990, 9_800]) expect(existsSync(path.join(dir, `${keyOf(n)}.html`)), `page ${n}`).toBe(true);
    for (const n of [0, 5_000, 9_600]) expect(existsSync(path.join(dir, `${keyOf(n)}.meta`)), `page ${n}`).toBe(false);
    expect(await handler(dir, { maxEntries: 300, maxBytes: 1024 ** 3 }).get(keyOf(0), getContext)).toBeNull();
  });

  it("keeps within its size cap, counting pages an earlier run left on disk", async () => {
    const dir = scratch();
    const maxBytes = 200 * 1024;
    for (let n = 0; n < 150; n++) await handler(dir, { maxEntries: 10_000, maxBytes }).set(keyOf(n), page(n) as never, setContext);
    const before = onDisk(path.join(dir, "route-cache"));
    expect(before.bytes).toBeLessThanOrEqual(maxBytes);
    expect(before.entries).toBeGreaterThan(10);

    // A restarted server (nothing remembered in the process) finds them and keeps the cap.
    (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for("dept.pageCacheBounds")].clear();
    for (let n = 150; n < 300; n++) await handler(dir, { maxEntries: 10_000, maxBytes }).set(keyOf(n), page(n) as never, setContext);
    const after = onDisk(path.join(dir, "route-cache"));
    expect(after.bytes).toBeLessThanOrEqual(maxBytes);
    expect(existsSync(path.join(dir, `${keyOf(149)}.html`))).toBe(false);
    expect(existsSync(path.join(dir, `${keyOf(299)}.html`))).toBe(true);
  });
});
