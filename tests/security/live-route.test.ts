// The live discussion's stream (GET /api/articles/<id>/live) is public and read-only, so the
// authorization matrix (mutating endpoints) has no row for it; this is its row: it answers only
// for articles anyone may read, never from a cache, and tells nothing the public page does not
// show (ids and places in the tree, no held comment, nothing of who posted).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo, wipeDatabase } from "../../prisma/seed";
import { getDb } from "../../lib/db";
import { getLiveHub } from "../../lib/live/announce";
import { CookieJar, enterRequest, leaveRequest } from "./request-context";

vi.mock("next/headers", async () => {
  const { currentRequest } = await import("./request-context");
  return { cookies: async () => currentRequest().jar, headers: async () => currentRequest().headers };
});

const { GET } = await import("../../app/api/articles/[id]/live/route");
const db = getDb();
const ids = { published: "", draft: "", scheduled: "" };
let shown = "";
let held = "";

beforeAll(async () => {
  await wipeDatabase(db);
  await seedDemo(db);
  const authorId = (await db.user.findFirstOrThrow({ where: { role: "author" } })).id;
  const make = (slug: string, status: "published" | "draft", publishedAt: Date | null) =>
    db.article.create({ data: { slug, title: slug, dept: "live", body: "Body.", authorId, status, publishedAt } });
  ids.published = (await make("live-route-published", "published", new Date(Date.now() - 3600_000))).id;
  ids.draft = (await make("live-route-draft", "draft", null)).id;
  ids.scheduled = (await make("live-route-scheduled", "published", new Date(Date.now() + 3600_000))).id;
  const comment = (status: "published" | "pending") =>
    db.comment.create({ data: { articleId: ids.published, authorId, body: "Just now.", status, visitorKey: "poster", anonEmail: "poster@example.test" } });
  shown = (await comment("published")).id;
  held = (await comment("pending")).id;
  enterRequest({ jar: new CookieJar(), headers: new Headers(), failures: [] });
});

afterAll(async () => {
  leaveRequest();
  await getLiveHub().close();
  await wipeDatabase(db);
});

const call = (id: string) => {
  const abort = new AbortController();
  const request = new Request(`http://localhost/api/articles/${id}/live?after=${Date.now() - 60_000}`, { signal: abort.signal });
  return { response: GET(request, { params: Promise.resolve({ id }) }), abort };
};

describe("GET /api/articles/<id>/live", () => {
  it("is a 404 for a draft, a scheduled article, an unknown or malformed id", async () => {
    for (const id of [ids.draft, ids.scheduled, "no-such-article", "bad%00id", "x".repeat(300)]) {
      const { response } = call(id);
      const res = await response;
      expect(res.status, id).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("streams a published article's visible comments, uncached, with nothing of who posted", async () => {
    const { response, abort } = call(ids.published);
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("event: ready")) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    expect(text).toContain(shown);
    expect(text).not.toContain(held);
    expect(text).not.toMatch(/poster|example\.test/);
    expect(getLiveHub().listenerCount).toBe(0);
  });
});
