// The page cache of several instances, against the real Redis (TEST_REDIS_URL, default
// 127.0.0.1:6379): pages land under a key prefix of their own build and database, expire, keep
// their script policy, and a revalidation removes them for every instance. Other instances are
// stood in for by a second client reading Redis directly.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.REDIS_URL = REDIS;
const buildId = `test-${process.pid}-${Date.now()}`;
const dir = mkdtempSync(path.join(tmpdir(), "dept-redis-cache-"));
writeFileSync(path.join(dir, "BUILD_ID"), buildId);
const serverDistDir = path.join(dir, "server");

const { cacheEnv, redisKeyPrefix } = await import("@/lib/cache/cache-env");
const { default: RedisPageCache } = await import("@/lib/cache/redis-page-cache");
const redisPageCacheState = RedisPageCache.state;
const prefix = redisKeyPrefix(buildId, cacheEnv().DATABASE_URL);
const redis = createClient({ url: REDIS });

beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await redis.unlink(keys);
  await redis.close();
  await redisPageCacheState.client?.close().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

const cache = () => new RedisPageCache({ serverDistDir, dev: false } as never);
const setContext = { cacheControl: { revalidate: 3600, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;
const getContext = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false, softTags: [] } as never;
const page = (status: number, text: string, tags: string[] = []) => ({
  kind: "APP_PAGE",
  html: `<p>${text}</p><script>go()</script>`,
  rscData: Buffer.from(text),
  headers: { "x-next-cache-tags": ["_N_T_/layout", ...tags].join(",") } as Record<string, string>,
  status,
  postponed: undefined,
  segmentData: undefined,
});
type Entry = { value: { html: string; status: number; headers: Record<string, string>; rscData: Buffer } } | null;
const read = async (key: string) => (await cache().get(key, getContext)) as Entry;

/** The next millisecond: the cache compares stamps in milliseconds. */
const nextTick = async () => {
  const at = Date.now();
  while (Date.now() <= at) await new Promise((resolve) => setImmediate(resolve));
};

// Another instance sees a page once the one that rendered it has stored it.
async function connected() {
  await cache().get("/warm-up", getContext);
  await expect.poll(() => redisPageCacheState.client?.isReady).toBe(true);
}

describe("the shared page cache", () => {
  it("stores a page under its build's and database's prefix, with an expiry, and its script policy", async () => {
    await connected();
    const key = "/route-cache/APP_PAGE/ab/$/articles/shared";
    await cache().set(key, page(200, "The article") as never, setContext);
    const raw = await redis.get(`${prefix}${key}`);
    expect(raw).toContain("The article");
    const ttl = await redis.ttl(`${prefix}${key}`);
    // Revalidated hourly, so gone an hour and a half after it was stored.
    expect(ttl).toBeGreaterThan(5_000);
    expect(ttl).toBeLessThanOrEqual(5_400);
    for (const name of ["__sharedTags__", "__sharedTagsTtl__"]) expect(await redis.ttl(`${prefix}${name}`)).toBeGreaterThan(0);
    const entry = await read(key);
    expect(entry?.value.html).toContain("The article");
    expect(entry?.value.rscData.toString()).toBe("The article");
    expect(entry?.value.headers["content-security-policy"]).toContain("script-src 'self' 'sha256-");
  });

  it("stores no 404 unless it replaces a page", async () => {
    await connected();
    const unknown = "/route-cache/APP_PAGE/ab/$/articles/no-such-article";
    const notFound = page(404, "Page not found");
    await cache().set(unknown, notFound as never, setContext);
    expect(notFound.headers["content-security-policy"]).toContain("script-src 'self' 'sha256-");
    expect(await redis.exists(`${prefix}${unknown}`)).toBe(0);

    const takenBack = "/route-cache/APP_PAGE/ab/$/articles/taken-back";
    await cache().set(takenBack, page(200, "The article") as never, setContext);
    await cache().set(takenBack, page(404, "Page not found") as never, setContext);
    expect((await read(takenBack))?.value.status).toBe(404);
  });

  it("forgets every page carrying a revalidated tag, for everyone", async () => {
    await connected();
    const first = "/route-cache/APP_PAGE/ab/$/articles/tagged";
    const second = "/route-cache/APP_PAGE/cd/$/articles/tagged/v/p-2";
    const other = "/route-cache/APP_PAGE/ab/$/articles/other";
    await cache().set(first, page(200, "one", ["article:tagged"]) as never, setContext);
    await cache().set(second, page(200, "two", ["article:tagged"]) as never, setContext);
    await cache().set(other, page(200, "three", ["article:other"]) as never, setContext);
    await cache().revalidateTag(["article:tagged", "_N_T_/articles/tagged"]);
    // The hash of revalidation times expires with its namespace too.
    expect(await redis.ttl(`${prefix}__revalidated_tags__`)).toBeGreaterThan(0);
    expect(await redis.exists([`${prefix}${first}`, `${prefix}${second}`])).toBe(0);
    expect(await read(first)).toBeNull();
    expect((await read(other))?.value.html).toContain("three");
  });

  it("applies a write's revalidation at once when lib/cache/revalidate.ts asks (before the response goes)", async () => {
    await connected();
    const key = "/route-cache/APP_PAGE/ab/$/articles/answered";
    await cache().set(key, page(200, "before the write", ["article:answered"]) as never, setContext);
    const shared = (globalThis as Record<symbol, { revalidate: (tags: string[]) => Promise<void> }>)[Symbol.for("dept.sharedPageCache")];
    await shared.revalidate(["article:answered"]);
    expect(await redis.exists(`${prefix}${key}`)).toBe(0);
  });

  it("refuses a page whose render was in flight during a write, though another instance stored it after the invalidation", async () => {
    await connected();
    const key = "/route-cache/APP_PAGE/ab/$/articles/in-flight";
    // Nothing stored: this request renders the page, reading the discussion before the comment.
    expect(await read(key)).toBeNull();
    await nextTick();
    // The comment is written and its article invalidated (by any instance); then the render is stored.
    await cache().revalidateTag(["article:in-flight"]);
    await nextTick();
    await cache().set(key, page(200, "rendered before the comment, stored after", ["article:in-flight"]) as never, setContext);
    expect(await read(key)).toBeNull();
    // The render that follows saw the comment, and is served.
    await nextTick();
    await cache().set(key, page(200, "with the comment", ["article:in-flight"]) as never, setContext);
    expect((await read(key))?.value.html).toContain("with the comment");
  });

  it("never mixes builds or databases", () => {
    expect(redisKeyPrefix("b1", "file:./data/one.db")).not.toBe(redisKeyPrefix("b1", "file:./data/two.db"));
    expect(redisKeyPrefix("b1", "file:./data/one.db")).not.toBe(redisKeyPrefix("b2", "file:./data/one.db"));
    expect(redisKeyPrefix("b1", "postgresql://user:secret@db/dept")).not.toContain("secret");
  });
});
