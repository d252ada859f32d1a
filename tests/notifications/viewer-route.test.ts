// GET /api/viewer, called as Next.js would call it, outside Next.js: every signed-in page view asks
// it, so it reads the member with their balance and bell count in one statement, and their
// votes, flags and follows on the article in another. What it answers must still be exactly what
// each of those parts says on its own.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookieName, startSession } from "../../lib/auth/session";
import { getBalance } from "../../lib/credits/ledger";
import { getDb } from "../../lib/db";
import { setFollow } from "../../lib/follows/mutations";
import { listArticleFollows } from "../../lib/follows/queries";
import { countUnreadNotifications } from "../../lib/notifications/queries";
import { defaultSettings } from "../../lib/settings/defaults";
import { setFlag, setVote } from "../../lib/ratings/mutations";
import { voterFor } from "../../lib/ratings/voter";
import { CookieJar, enterRequest, leaveRequest } from "../security/request-context";
import { testMember, testNetwork } from "../support/voices";
import { watchQueries } from "../support/watch-queries";

vi.mock("next/headers", async () => {
  const { currentRequest } = await import("../security/request-context");
  return { cookies: async () => currentRequest().jar, headers: async () => currentRequest().headers };
});

const { GET } = await import("../../app/api/viewer/route");

const db = getDb();
const unique = () => randomBytes(5).toString("hex");

/** The route's answer for a browser holding this session cookie value (null: none). */
async function answerFor(cookie: string | null, articleId: string): Promise<Record<string, unknown>> {
  const jar = new CookieJar(cookie ? { [sessionCookieName()]: cookie } : {});
  enterRequest({ jar, headers: new Headers({ cookie: jar.header() }), failures: [] });
  try {
    return (await (await GET(new Request(`http://localhost/api/viewer?article=${articleId}`))).json()) as Record<string, unknown>;
  } finally {
    leaveRequest();
  }
}

const viewerAnswer = async (userId: string | null, articleId: string) => answerFor(userId ? await startSession(userId) : null, articleId);

let reader: Awaited<ReturnType<typeof testMember>>;
let articleId: string, own: string, rated: string, flagged: string;

beforeAll(async () => {
  reader = await testMember({ trust: "member" });
  const author = await testMember({ role: "author" });
  const article = await db.article.create({ data: { slug: `viewer-${unique()}`, title: "Viewer state", dept: "asking", body: "B", status: "published", publishedAt: new Date(Date.now() - 60_000), authorId: author.id } });
  const draft = await db.article.create({ data: { slug: `viewer-draft-${unique()}`, title: "Not out yet", dept: "waiting", body: "D", status: "draft", authorId: author.id } });
  articleId = article.id;
  const write = async (authorId: string, onArticle = articleId) => (await db.comment.create({ data: { articleId: onArticle, authorId, subject: "S", body: `Body ${unique()}` } })).id;
  [own, rated, flagged] = [await write(reader.id), await write(author.id), await write(author.id)];
  const voter = voterFor(reader, `v${unique()}`, defaultSettings, testNetwork());
  await setVote(voter, rated, "insightful", true);
  await setVote(voter, rated, "funny", true);
  await setFlag(voter, flagged, "spam");
  await setFollow(reader, { articleId, intent: "follow" });
  await setFollow(reader, { articleId, commentId: rated, intent: "follow" });
  await db.user.update({ where: { id: reader.id }, data: { credits: 7 } });
  // Two unread the bell counts, one read, one about an unpublished article: 2.
  const notify = (data: { articleId: string; readAt?: Date }) => db.notification.create({ data: { userId: reader.id, kind: "badge", detail: "funny", commentId: own, ...data } });
  await notify({ articleId });
  await notify({ articleId });
  await notify({ articleId, readAt: new Date() });
  await notify({ articleId: draft.id });
});

afterEach(() => leaveRequest());

describe("GET /api/viewer?article=", () => {
  it("tells a member who they are, their balance, bell count, ratings, follows and what they may edit, as each part says alone", async () => {
    const answer = await viewerAnswer(reader.id, articleId);
    expect(answer).toMatchObject({ signedIn: true, handle: reader.handle, credits: 7, unreadNotifications: 2, editable: [own], deletable: [own] });
    expect(answer.credits).toBe(await getBalance(reader.id));
    expect(answer.unreadNotifications).toBe(await countUnreadNotifications(reader.id));
    expect(answer.follows).toEqual({ article: true, threads: [rated] });
    expect(answer.follows).toEqual(await listArticleFollows(reader.id, articleId));
    const ratings = answer.ratings as { votes: Record<string, string[]>; flagged: string[]; own: string[] };
    expect(Object.keys(ratings.votes)).toEqual([rated]);
    expect([...ratings.votes[rated]].sort()).toEqual(["funny", "insightful"]);
    expect(ratings.flagged).toEqual([flagged]);
    expect(ratings.own).toEqual([own]);
  });

  // Every signed-in page view asks this: held to the statements it needs.
  it("asks the database three times for a member: the member by their session (with their balance), their bell count, and their votes, flags, follows and comments", async () => {
    const cookie = await startSession(reader.id);
    const seen: string[] = [];
    const restore = watchQueries((sql) => seen.push(sql));
    const jar = new CookieJar({ [sessionCookieName()]: cookie });
    enterRequest({ jar, headers: new Headers({ cookie: jar.header() }), failures: [] });
    try {
      expect((await GET(new Request(`http://localhost/api/viewer?article=${articleId}`))).status).toBe(200);
    } finally {
      leaveRequest();
      await restore();
    }
    expect(seen).toHaveLength(3);
    // The bell count is read by the member's id (an index), never as a count of everyone's.
    const counts = seen.filter((sql) => sql.includes("Notification"));
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/n\."userId" = (\?|\$\d)/);
  });

  it("knows no one by an expired session or a deleted account", async () => {
    const expired = await testMember();
    const expiredCookie = await startSession(expired.id);
    await db.session.updateMany({ where: { userId: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await answerFor(expiredCookie, articleId)).toMatchObject({ signedIn: false });
    const deleted = await testMember();
    const deletedCookie = await startSession(deleted.id);
    await db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    expect(await answerFor(deletedCookie, articleId)).toMatchObject({ signedIn: false });
  });

  it("tells nobody nothing of anyone", async () => {
    const answer = await viewerAnswer(null, articleId);
    expect(answer).toMatchObject({ signedIn: false, editable: [], deletable: [] });
    expect(answer.credits).toBeUndefined();
    expect(answer.follows).toBeUndefined();
    expect(answer.unreadNotifications).toBeUndefined();
  });
});
