// This process's copies of shared pages (lib/cache/local-copies.js), against the real Redis: a copy
// saves fetching the page again only while the stored page is the one it copies; replaced or
// revalidated through another instance, the page is read afresh at the next request.
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalCopies } from "@/lib/cache/local-copies";

const redis = createClient({ url: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" });
const prefix = `dept:test:copies:${process.pid}:${Date.now()}:`;
beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await redis.unlink(keys);
  await redis.close();
});

const page = (html: string) => ({ lastModified: Date.now(), tags: [], value: { kind: "APP_PAGE", html } });

describe("local copies of shared pages", () => {
  it("serves its copy while the stored page is unchanged, and reads again once another instance replaced or removed it", async () => {
    const copies = new LocalCopies({ client: redis, prefix, maxBytes: 1024 * 1024, timeoutMs: 1_000 });
    let stored: ReturnType<typeof page> | null = page("first version");
    let reads = 0;
    const read = async () => {
      reads++;
      return stored;
    };
    await redis.set(`${prefix}/a`, "the page");
    await copies.stored("/a");
    expect((await copies.get("/a", read))?.value.html).toBe("first version");
    expect((await copies.get("/a", read))?.value.html).toBe("first version");
    expect(reads).toBe(1);

    // Another instance stores a new render: a new stamp.
    stored = page("second version");
    await new LocalCopies({ client: redis, prefix, maxBytes: 1024 * 1024, timeoutMs: 1_000 }).stored("/a");
    expect((await copies.get("/a", read))?.value.html).toBe("second version");
    expect(reads).toBe(2);

    // A revalidation anywhere deletes the page.
    await redis.del(`${prefix}/a`);
    stored = null;
    expect(await copies.get("/a", read)).toBeNull();
    expect(reads).toBe(3);
  });

  it("keeps within its memory bound", async () => {
    const copies = new LocalCopies({ client: redis, prefix, maxBytes: 20_000, timeoutMs: 1_000 });
    for (let n = 0; n < 50; n++) {
      await redis.set(`${prefix}/p${n}`, "x");
      await copies.stored(`/p${n}`);
      await copies.get(`/p${n}`, async () => page("y".repeat(2_000)));
    }
    expect(copies.bytes).toBeLessThanOrEqual(20_000);
    expect(copies.copies.size).toBeGreaterThan(0);
    expect(copies.copies.has("/p49")).toBe(true);
  });
});
