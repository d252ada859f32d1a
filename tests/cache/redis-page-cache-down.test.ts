// Redis unreachable: the shared page cache answers every call at once as if nothing were cached
// (so pages render), throws nothing at Next, and stores nothing it could serve stale later.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// A port nothing listens on: taken, then released.
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});
process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "dept-redis-down-"));
writeFileSync(path.join(dir, "BUILD_ID"), "down");
const { default: RedisPageCache } = await import("@/lib/cache/redis-page-cache");
const redisPageCacheState = RedisPageCache.state;

afterAll(async () => {
  await redisPageCacheState.client?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const cache = () => new RedisPageCache({ serverDistDir: path.join(dir, "server"), dev: false } as never);
const setContext = { cacheControl: { revalidate: 3600, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;
const getContext = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false, softTags: [] } as never;

describe("the shared page cache without its Redis", () => {
  it("misses, stores nothing and remembers that a revalidation was lost", async () => {
    const key = "/route-cache/APP_PAGE/ab/$/articles/offline";
    const page = { kind: "APP_PAGE", html: "<p>x</p><script>go()</script>", rscData: Buffer.from("x"), headers: {} as Record<string, string>, status: 200 };
    expect(await cache().get(key, getContext)).toBeNull();
    await cache().set(key, page as never, setContext);
    // The page that rendered is still answered with its policy.
    expect(page.headers["content-security-policy"]).toContain("'sha256-");
    expect(await cache().get(key, getContext)).toBeNull();
    await cache().revalidateTag(["article:offline"]);
    expect(redisPageCacheState.missedRevalidation).toBe(true);
  });
});
