// The bell's two GET routes called as Next.js would call them, outside Next.js: the poll answers
// the signed-in member's own count (401 and 0 for nobody, never cached), and an item's link marks
// only the caller's own item read on its way to the permalink. GETs are outside the authorization
// matrix (it lists writes by method), so their checks of who is calling are proved here.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookieName, startSession } from "../../lib/auth/session";
import { getDb } from "../../lib/db";
import { CookieJar, enterRequest, leaveRequest } from "../security/request-context";
import { testMember } from "../support/voices";

vi.mock("next/headers", async () => {
  const { currentRequest } = await import("../security/request-context");
  return { cookies: async () => currentRequest().jar, headers: async () => currentRequest().headers };
});

const { GET: unread } = await import("../../app/api/notifications/unread/route");
const { GET: open } = await import("../../app/notifications/[id]/open/route");

const db = getDb();
const unique = () => randomBytes(5).toString("hex");

async function as(userId: string | null, call: () => Promise<Response>): Promise<Response> {
  const jar = new CookieJar(userId ? { [sessionCookieName()]: await startSession(userId) } : {});
  enterRequest({ jar, headers: new Headers({ cookie: jar.header() }), failures: [] });
  try {
    return await call();
  } finally {
    leaveRequest();
  }
}

let ada: string, bob: string, itemId: string, commentId: string;

beforeAll(async () => {
  [ada, bob] = [(await testMember()).id, (await testMember()).id];
  const article = await db.article.create({ data: { slug: `bell-${unique()}`, title: "Bell routes", dept: "polling", body: "B", status: "published", publishedAt: new Date(Date.now() - 60_000), authorId: ada } });
  commentId = (await db.comment.create({ data: { articleId: article.id, authorId: ada, subject: "Mine", body: "Mine" } })).id;
  itemId = (await db.notification.create({ data: { userId: ada, kind: "badge", detail: "funny", commentId, articleId: article.id } })).id;
});

afterEach(() => leaveRequest());

describe("GET /api/notifications/unread", () => {
  it("answers the caller's own count, privately", async () => {
    const [mine, theirs] = [await as(ada, () => unread()), await as(bob, () => unread())];
    expect([mine.status, await mine.json(), mine.headers.get("cache-control")]).toEqual([200, { unread: 1 }, "private, no-store"]);
    expect(await theirs.json()).toEqual({ unread: 0 });
  });

  it("answers 401 and 0 to nobody", async () => {
    const response = await as(null, () => unread());
    expect([response.status, await response.json()]).toEqual([401, { unread: 0 }]);
  });
});

describe("GET /notifications/<id>/open", () => {
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  const call = (userId: string | null, id: string) => as(userId, () => open(new Request(`http://localhost/notifications/${id}/open`), params(id)));
  const isRead = async () => (await db.notification.findUniqueOrThrow({ where: { id: itemId } })).readAt !== null;

  it("sends nobody to sign in and someone else back to the list, leaving the item unread", async () => {
    const nobody = await call(null, itemId);
    expect([nobody.status, nobody.headers.get("location")]).toEqual([303, `/signin?callbackUrl=${encodeURIComponent(`/notifications/${itemId}/open`)}`]);
    const other = await call(bob, itemId);
    expect([other.status, other.headers.get("location")]).toEqual([303, "/notifications?outcome=gone"]);
    expect(await isRead()).toBe(false);
  });

  it("marks the owner's item read and sends them to the comment's permalink", async () => {
    const response = await call(ada, itemId);
    expect([response.status, response.headers.get("location")]).toEqual([303, `/comments/${commentId}`]);
    expect(await isRead()).toBe(true);
  });
});
