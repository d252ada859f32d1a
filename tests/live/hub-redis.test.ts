// The live hub with the real Redis (TEST_REDIS_URL, default 127.0.0.1:6379) and a real
// database: two hubs in one test stand for two app instances.
import { createClient } from "redis";
import { describe, expect, it, vi } from "vitest";
import { liveHubKit } from "./hub-kit";
import type { LiveComment } from "../../lib/live/types";

const kit = liveHubKit("live-hub-redis");
const { hub, listen, post } = kit;
const REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** As a Redis restart or a network cut would: the server drops this process's subscribers or
 *  publishers (found by name: anything else using this Redis is left alone). */
async function killOurs(type: "pubsub" | "normal", role: "sub" | "pub") {
  const admin = createClient({ url: REDIS });
  await admin.connect();
  const list = String(await admin.sendCommand(["CLIENT", "LIST", "TYPE", type]));
  const ours = list.split("\n").filter((line) => line.includes(` name=dept-live-${role}-${process.pid} `));
  expect(ours.length).toBeGreaterThan(0);
  for (const line of ours) await admin.sendCommand(["CLIENT", "KILL", "ID", /\bid=(\d+)/.exec(line)![1]]);
  await admin.close();
}

describe("with Redis: pub/sub between instances", () => {
  it("a comment announced on one instance reaches a reader on another without a database poll", async () => {
    let polls = 0;
    const one = hub({ redisUrl: REDIS, pollMs: 60_000 });
    const two = hub({ redisUrl: REDIS, onPoll: () => polls++ });
    const reader = listen(two, "redis-article");
    // The publishing instance has no reader of its own: it connects when it first announces.
    await one.announce({ articleId: "warm-up", id: "warm-up", parentId: null, rootId: null, poster: null });
    await vi.waitFor(() => expect(two.redisReady).toBe(true), { timeout: 3000 });
    // One poll covers the time before Redis was up; after that, none.
    await new Promise((r) => setTimeout(r, 200));
    polls = 0;
    const c: LiveComment = { articleId: "redis-article", id: `redis-${Date.now()}`, parentId: "p", rootId: "p", poster: "k" };
    await vi.waitFor(
      async () => {
        await one.announce(c);
        expect(reader.ids()).toEqual([c.id]);
      },
      { timeout: 3000 },
    );
    expect(reader.heard[0]).toEqual(c);
    expect(polls).toBe(0);
  });

  it("asks the database for what it may have missed while its Redis connection was cut, and hears Redis again", async () => {
    const one = hub({ redisUrl: REDIS, pollMs: 60_000 });
    const two = hub({ redisUrl: REDIS });
    const reader = listen(two);
    await vi.waitFor(() => expect(two.redisReady).toBe(true), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 200));
    // Posted elsewhere while this instance's subscriber was away: its Redis message never came.
    const missed = await post();
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.ids()).not.toContain(missed.id);
    await killOurs("pubsub", "sub");
    await vi.waitFor(() => expect(reader.ids()).toContain(missed.id), { timeout: 3000 });
    await vi.waitFor(() => expect(two.redisReady).toBe(true), { timeout: 5000 });
    const c: LiveComment = { articleId: kit.articleId, id: `after-reconnect-${Date.now()}`, parentId: null, rootId: null, poster: null };
    await vi.waitFor(
      async () => {
        await one.announce(c);
        expect(reader.ids()).toContain(c.id);
      },
      { timeout: 3000 },
    );
  });

  it("publishes what it could not while its connection was cut, once it is back", async () => {
    const one = hub({ redisUrl: REDIS, pollMs: 60_000 });
    const two = hub({ redisUrl: REDIS, pollMs: 60_000 });
    const reader = listen(two, "unsent-article");
    await one.announce({ articleId: "warm-up", id: `warm-${Date.now()}`, parentId: null, rootId: null, poster: null });
    await vi.waitFor(() => expect(one.redisReady && two.redisReady).toBe(true), { timeout: 3000 });
    await killOurs("normal", "pub");
    const c: LiveComment = { articleId: "unsent-article", id: `unsent-${Date.now()}`, parentId: null, rootId: null, poster: null };
    await one.announce(c);
    await vi.waitFor(() => expect(reader.ids()).toEqual([c.id]), { timeout: 5000 });
  });

  it("falls back to the database poll while Redis cannot be reached", async () => {
    const h = hub({ redisUrl: "redis://127.0.0.1:1" });
    const a = listen(h);
    const shown = await post();
    await vi.waitFor(() => expect(a.ids()).toContain(shown.id), { timeout: 3000 });
    expect(h.redisReady).toBe(false);
  });
});
