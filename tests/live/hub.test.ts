// The live hub against a real database, without Redis (hub-redis.test.ts has Redis): two hubs
// in one test stand for two app instances.
import { describe, expect, it, vi } from "vitest";
import { liveHubKit } from "./hub-kit";
import { APPROVE_ACTION, type LiveComment } from "../../lib/live/types";

const kit = liveHubKit("live-hub");
const { db, hub, listen, post } = kit;

describe("without Redis: the database poll", () => {
  it("delivers a comment another instance wrote, once, and nothing held or deleted", async () => {
    const a = listen(hub());
    const b = listen(hub());
    const pending = await post({ status: "pending" });
    const deleted = await post({ deletedAt: new Date() });
    const shown = await post();
    await vi.waitFor(() => expect(a.ids()).toEqual([shown.id]), { timeout: 3000 });
    await vi.waitFor(() => expect(b.ids()).toEqual([shown.id]), { timeout: 3000 });
    expect(a.heard[0]).toMatchObject({ articleId: kit.articleId, parentId: null, poster: "poster-key" });
    // A held comment counts from its approval, however old it is.
    await db.comment.update({ where: { id: pending.id }, data: { status: "published", createdAt: new Date(Date.now() - 86_400_000) } });
    await db.moderationEvent.create({ data: { action: APPROVE_ACTION, commentId: pending.id } });
    await vi.waitFor(() => expect(a.ids()).toEqual([shown.id, pending.id]), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(a.ids()).not.toContain(deleted.id);
    expect(a.ids()).toHaveLength(2);
  });

  it("makes one query per poll for all its readers, and none once the last has gone", async () => {
    let polls = 0;
    const h = hub({ onPoll: () => polls++ });
    const readers = Array.from({ length: 50 }, () => listen(h));
    const other = listen(h, "another-article");
    await new Promise((r) => setTimeout(r, 500));
    // 50 ms apart for 500 ms, each poll one query whatever the number of readers.
    expect(polls).toBeGreaterThanOrEqual(4);
    expect(polls).toBeLessThanOrEqual(11);
    for (const r of [...readers, other]) r.stop();
    const after = polls;
    await new Promise((r) => setTimeout(r, 200));
    expect(polls - after).toBeLessThanOrEqual(1);
    expect(h.listenerCount).toBe(0);
  });

  it("announces at once on its own instance", async () => {
    const h = hub({ pollMs: 60_000 });
    const a = listen(h);
    const c: LiveComment = { articleId: kit.articleId, id: "announced-1", parentId: null, rootId: null, poster: null };
    await h.announce(c);
    await h.announce(c);
    expect(a.ids()).toEqual(["announced-1"]);
  });
});
