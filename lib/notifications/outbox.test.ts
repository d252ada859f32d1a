// Who is told about what, against a real database: notifications are written with the change
// that causes them (a visible reply, a badge, a spotlight, a hiding, a judged report), to the
// right people, once, and never to the person who caused it.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { testMember, testNetwork } from "../../tests/support/voices";
import type { Viewer } from "../auth/viewer";
import { createComment, type Poster } from "../comments/mutations";
import { getDb } from "../db";
import { approveComment, removeComment } from "../moderation/mutations";
import { rejectFlags, upholdFlags } from "../moderation/verdicts";
import { setFlag, setVote } from "../ratings/mutations";
import type { Voter } from "../ratings/voter";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

const asMember = (viewer: Viewer): Poster => ({ viewer, visitorId: `v${unique()}`, ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
const asAnonymous = (email: string): Poster => ({ viewer: null, anonymous: { anonName: "Pat", anonEmail: email, anonWebsite: "" }, visitorId: `v${unique()}`, ip: `10.8.${Math.floor(Math.random() * 250)}.1` });
// Each post ten minutes after the last, so the flood limits (one poster, many posts) stay out of the way.
let clock = Date.now();
const post = (poster: Poster, parentId?: string, body = `words ${unique()}`) => createComment(poster, { articleId, subject: "", body, parentId }, new Date((clock += 600_000)));
const voterOf = (viewer: Viewer): Voter => ({ key: `u:${viewer.id}`, kind: viewer.role === "moderator" ? "moderator" : "member", userId: viewer.id, visitorId: `v${unique()}`, network: testNetwork() });
const itemsFor = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  const author = await testMember({ role: "author" });
  articleId = (await db.article.create({ data: { slug: `outbox-${unique()}`, title: "Outbox", dept: "telling", body: "B", status: "published", publishedAt: new Date(), authorId: author.id } })).id;
});

describe("replies", () => {
  it("tells the parent's author once, queues the mail, and tells the poster nothing", async () => {
    const [ada, bob] = [await testMember(), await testMember()];
    const parent = await post(asMember(ada));
    const reply = await post(asMember(bob), parent.id);
    const items = await itemsFor(ada.id);
    expect(items.map((n) => [n.kind, n.commentId, n.mailState])).toEqual([["reply", reply.id, "queued"]]);
    expect(items[0].mailDueAt).not.toBeNull();
    expect(await itemsFor(bob.id)).toEqual([]);
  });

  it("sends nothing for replying to yourself", async () => {
    const ada = await testMember();
    const parent = await post(asMember(ada));
    await post(asMember(ada), parent.id);
    expect(await itemsFor(ada.id)).toEqual([]);
  });

  it("tells followers of the thread above (posting follows your own thread) and of the discussion", async () => {
    const [ada, bob, cy, dee] = [await testMember(), await testMember(), await testMember(), await testMember()];
    const root = await post(asMember(ada));
    const middle = await post(asMember(bob), root.id);
    await db.follow.create({ data: { followerKey: `u:${dee.id}`, target: `article:${articleId}`, userId: dee.id, articleId } });
    const deep = await post(asMember(cy), middle.id);
    // Bob is answered directly; Ada hears of it through her own thread; Dee follows the discussion.
    expect((await itemsFor(bob.id)).filter((n) => n.commentId === deep.id).map((n) => n.kind)).toEqual(["reply"]);
    expect((await itemsFor(ada.id)).filter((n) => n.commentId === deep.id).map((n) => n.kind)).toEqual(["followed"]);
    expect((await itemsFor(dee.id)).filter((n) => n.commentId === deep.id).map((n) => n.kind)).toEqual(["followed"]);
    await db.follow.deleteMany({ where: { userId: dee.id } });
  });

  it("tells no one of a held comment until a moderator approves it", async () => {
    const [ada, mod] = [await testMember(), await testMember({ role: "moderator" })];
    const parent = await post(asMember(ada));
    const links = "https://a.example https://b.example https://c.example";
    const held = await post(asAnonymous(`anon-${unique()}@example.net`), parent.id, `see ${links}`);
    expect(held.status).toBe("pending");
    expect(await itemsFor(ada.id)).toEqual([]);
    await approveComment(mod, held.id);
    expect((await itemsFor(ada.id)).map((n) => [n.kind, n.commentId])).toEqual([["reply", held.id]]);
  });

  it("mails an anonymous poster's address only once it is confirmed, and never for their own comment", async () => {
    const ada = await testMember();
    const email = `pat-${unique()}@example.net`;
    const mine = await post(asAnonymous(email));
    const address = await db.mailAddress.create({ data: { email, confirmToken: unique(), unsubscribeToken: unique() } });
    await db.follow.create({ data: { followerKey: `m:${address.id}`, target: `comment:${mine.id}`, mailAddressId: address.id, articleId, commentId: mine.id } });
    await post(asMember(ada), mine.id);
    expect(await db.notification.count({ where: { mailAddressId: address.id } })).toBe(0);
    await db.mailAddress.update({ where: { id: address.id }, data: { confirmedAt: new Date() } });
    const answer = await post(asMember(ada), mine.id);
    await post(asAnonymous(email), mine.id);
    const rows = await db.notification.findMany({ where: { mailAddressId: address.id } });
    expect(rows.map((n) => [n.kind, n.commentId, n.mailState])).toEqual([["reply", answer.id, "queued"]]);
  });

  it("writes exactly one row per reply when 200 arrive at once", async () => {
    const ada = await testMember();
    const parent = await post(asMember(ada));
    const posters = await Promise.all(Array.from({ length: 200 }, () => testMember()));
    const replies = await Promise.all(posters.map((p) => post(asMember(p), parent.id)));
    const rows = await db.notification.findMany({ where: { userId: ada.id, kind: "reply" }, select: { commentId: true, mailState: true } });
    expect(rows.length).toBe(200);
    expect(new Set(rows.map((r) => r.commentId))).toEqual(new Set(replies.map((r) => r.id)));
    expect(rows.every((r) => r.mailState === "queued")).toBe(true);
  });
});

describe("what happens to your comment", () => {
  it("tells the author of a badge once, even when it is lost and earned again", async () => {
    const ada = await testMember();
    const mine = await post(asMember(ada));
    const weight = async () => (await db.comment.findUniqueOrThrow({ where: { id: mine.id } })).insightfulWeight;
    // Established voices one after another until the badge is earned (the last one crosses the line).
    let last: Viewer | null = null;
    for (let i = 0; i < 10 && (await weight()) < 5; i++) {
      last = await testMember({ trust: "established", ageDays: 400 });
      await setVote(voterOf(last), mine.id, "insightful", true);
    }
    expect(await weight()).toBeGreaterThanOrEqual(5);
    await setVote(voterOf(last!), mine.id, "insightful", false);
    expect(await weight()).toBeLessThan(5);
    await setVote(voterOf(last!), mine.id, "insightful", true);
    const badges = (await itemsFor(ada.id)).filter((n) => n.kind === "badge");
    expect(badges.map((n) => [n.detail, n.mailState])).toEqual([["insightful", "none"]]);
  });

  it("tells the author when a moderator hides or removes the comment, and each reporter the verdict", async () => {
    const [ada, reporter, mod] = [await testMember(), await testMember({ trust: "established", ageDays: 400 }), await testMember({ role: "moderator" })];
    const first = await post(asMember(ada));
    const second = await post(asMember(ada));
    await setFlag(voterOf(reporter), first.id, "spam");
    await setFlag(voterOf(reporter), second.id, "abusive");
    await upholdFlags(mod, first.id, "Advertising");
    await rejectFlags(mod, second.id);
    const mine = await itemsFor(ada.id);
    expect(mine.filter((n) => n.kind === "hidden").map((n) => [n.commentId, n.detail])).toEqual([[first.id, "Hidden by a moderator: Advertising"]]);
    const verdicts = (await itemsFor(reporter.id)).map((n) => [n.kind, n.commentId, n.detail]);
    expect(verdicts).toEqual([
      ["report", first.id, "upheld"],
      ["report", second.id, "rejected"],
    ]);
    await removeComment(mod, second.id, "Off topic");
    expect((await itemsFor(ada.id)).filter((n) => n.commentId === second.id).map((n) => n.detail)).toEqual(["Removed by a moderator: Off topic"]);
  });
});
