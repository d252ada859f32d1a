// Settings changed on one instance reach the others through Redis (TEST_REDIS_URL, default
// 127.0.0.1:6379) without waiting out the maximum age: two caches in one test stand for two
// instances, their clocks stopped so that only the message can explain what they see.
import { createServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../../lib/db";
import { SettingsCache, SETTINGS_MAX_AGE_MS } from "../../lib/settings/cache";
import { defaultSettings } from "../../lib/settings/defaults";
import { readStoredSettings } from "../../lib/settings/stored";

const REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const db = getDb();
const caches: SettingsCache[] = [];

function instance(redisUrl: string, now: () => number = () => 0) {
  let reads = 0;
  const cache = new SettingsCache({
    read: () => {
      reads++;
      return readStoredSettings(db);
    },
    redisUrl,
    now,
  });
  caches.push(cache);
  return { cache, reads: () => reads };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

afterEach(async () => {
  for (const cache of caches.splice(0)) cache.close();
  await db.setting.deleteMany();
});

describe("settings across instances", () => {
  it("a change made on one instance is what the other serves next, long before its copy is old", async () => {
    const a = instance(REDIS);
    const b = instance(REDIS);
    expect((await a.cache.get()).firstWordCost).toBe(defaultSettings.firstWordCost);
    expect((await b.cache.get()).firstWordCost).toBe(defaultSettings.firstWordCost);
    await vi.waitFor(() => expect(a.cache.listening && b.cache.listening).toBe(true), { timeout: 3000 });
    await db.setting.create({ data: { key: "firstWordCost", value: "11" } });
    await a.cache.changed();
    expect((await a.cache.get()).firstWordCost).toBe(11);
    await vi.waitFor(async () => expect((await b.cache.get()).firstWordCost).toBe(11), { timeout: 3000 });
    // The instance that changed them is not told again by its own message (heard by now, as B heard it).
    await a.cache.get();
    expect(a.reads()).toBe(2);
  });

  it("with Redis unreachable, every read and change still answers, and a change elsewhere is seen after the maximum age", async () => {
    let now = 0;
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const lonely = instance(url, () => now);
    expect((await lonely.cache.get()).lastWordCost).toBe(defaultSettings.lastWordCost);
    await lonely.cache.changed();
    await db.setting.create({ data: { key: "lastWordCost", value: "6" } });
    expect((await lonely.cache.get()).lastWordCost).toBe(6);
    await db.setting.update({ where: { key: "lastWordCost" }, data: { value: "7" } });
    expect((await lonely.cache.get()).lastWordCost).toBe(6);
    // The subscriber keeps trying to connect (after 100, 200, 400 ms…); a failed attempt is no
    // news of a change, and the copy stays until its maximum age.
    const reads = lonely.reads();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await lonely.cache.get()).lastWordCost).toBe(6);
    expect(lonely.reads()).toBe(reads);
    now += SETTINGS_MAX_AGE_MS;
    expect((await lonely.cache.get()).lastWordCost).toBe(7);
    expect(lonely.cache.listening).toBe(false);
  });
});
