// The bell's count and the /notifications list against a real database: only the member's own
// rows, newest first, thirty a page, and nothing about a comment readers can no longer see —
// neither its words in the sentence nor a number on the bell.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { testMember } from "../../tests/support/voices";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { countUnreadNotifications, listNotifications, NOTIFICATIONS_PER_PAGE } from "./queries";
import { markAllNotificationsRead, markNotificationRead, openNotification } from "./read-mutations";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;
const TITLE = "Bells and whistles";

type Status = "published" | "pending" | "hidden" | "removed";
const comment = (authorId: string | null, subject: string, { status = "published" as Status, parentId = null as string | null } = {}) =>
  db.comment.create({ data: { articleId, authorId, subject, body: `Words ${unique()}`, status, parentId, ...(authorId ? {} : { anonName: "" }) } });
let clock = Date.now() - 3_600_000;
const notify = (userId: string, kind: string, commentId: string, detail: string | null = null) =>
  db.notification.create({ data: { userId, kind, commentId, articleId, detail, createdAt: new Date((clock += 1000)) } });

beforeAll(async () => {
  const author = await testMember({ role: "author" });
  articleId = (await db.article.create({ data: { slug: `bells-${unique()}`, title: TITLE, dept: "ringing", body: "B", status: "published", publishedAt: new Date(Date.now() - 86_400_000), authorId: author.id } })).id;
});

describe("the list and the count", () => {
  it("shows the member's own items, newest first, with who did it and where it leads", async () => {
    const [ada, bob, cy] = [await testMember(), await testMember(), await testMember()];
    const mine = await comment(ada.id, "Tuning forks");
    const reply = await comment(bob.id, "Re: Tuning forks", { parentId: mine.id });
    const anon = await comment(null, "", { parentId: mine.id });
    const first = await notify(ada.id, "reply", reply.id);
    await notify(ada.id, "reply", anon.id);
    await notify(ada.id, "badge", mine.id, "insightful");
    await notify(cy.id, "reply", reply.id);
    const list = await listNotifications(ada.id, 1);
    expect(list?.items.map((i) => i.kind)).toEqual(["badge", "reply", "reply"]);
    expect(list?.items[0].sentence).toBe(`Your comment “Tuning forks” on ${TITLE} was rated insightful by the community`);
    expect(list?.items[1].actorName).toBe("Anonymous Coward");
    expect(list?.items[2]).toMatchObject({
      id: first.id, actorName: bob.name, isRead: false, href: `/comments/${reply.id}`, openHref: `/notifications/${first.id}/open`,
      sentence: `${bob.name} replied to your comment on ${TITLE}: “Re: Tuning forks”`,
    });
    expect({ total: list?.total, unread: list?.unread }).toEqual({ total: 3, unread: 3 });
    expect(await countUnreadNotifications(ada.id)).toBe(3);
    expect(await countUnreadNotifications(cy.id)).toBe(1);
  });

  it("neither shows nor counts a reply no longer published, but keeps news of the member's own hidden comment", async () => {
    const [ada, bob] = [await testMember(), await testMember()];
    const mine = await comment(ada.id, "Clappers");
    for (const status of ["hidden", "pending", "removed"] as const) {
      const gone = await comment(bob.id, `Secret ${status}`, { parentId: mine.id, status });
      await notify(ada.id, "followed", gone.id);
    }
    const deleted = await comment(bob.id, "Secret deleted", { parentId: mine.id });
    await db.comment.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await notify(ada.id, "reply", deleted.id);
    await db.comment.update({ where: { id: mine.id }, data: { status: "hidden" } });
    await notify(ada.id, "hidden", mine.id, "Hidden after readers flagged it as spam");
    const list = await listNotifications(ada.id, 1);
    expect(list?.items.map((i) => i.sentence)).toEqual([`Your comment “Clappers” on ${TITLE} was taken down: hidden after readers flagged it as spam`]);
    expect(await countUnreadNotifications(ada.id)).toBe(1);
  });

  it("counts nothing on a draft, nor on a scheduled article before its time, as the list shows", async () => {
    const ada = await testMember();
    const author = await testMember({ role: "author" });
    const now = new Date();
    const article = (status: "draft" | "published", publishedAt: Date | null) =>
      db.article.create({ data: { slug: `bells-${unique()}`, title: TITLE, dept: "ringing", body: "B", status, publishedAt, authorId: author.id } });
    const draft = await article("draft", null);
    const scheduled = await article("published", new Date(now.getTime() + 3_600_000));
    for (const { id } of [draft, scheduled]) {
      const c = await db.comment.create({ data: { articleId: id, authorId: author.id, subject: "", body: `Words ${unique()}` } });
      await db.notification.create({ data: { userId: ada.id, kind: "followed", commentId: c.id, articleId: id } });
    }
    const mine = await comment(ada.id, "Bells");
    await notify(ada.id, "badge", mine.id, "funny");
    expect(await countUnreadNotifications(ada.id, now)).toBe(1);
    expect((await listNotifications(ada.id, 1, now))?.unread).toBe(1);
    // An hour later the scheduled article is out, and so is its news; the draft's is not.
    const later = new Date(now.getTime() + 3_600_001);
    expect(await countUnreadNotifications(ada.id, later)).toBe(2);
    expect((await listNotifications(ada.id, 1, later))?.unread).toBe(2);
  });

  it("names a reported comment only while it is public, and hides a reply's title of a hidden comment", async () => {
    const [ada, bob, cy] = [await testMember(), await testMember(), await testMember()];
    const upheld = await comment(bob.id, "Rude words", { status: "hidden" });
    const rejected = await comment(bob.id, "Fair words");
    await notify(ada.id, "report", upheld.id, "upheld");
    await notify(ada.id, "report", rejected.id, "rejected");
    const mine = await comment(ada.id, "Chimes");
    const secret = await comment(cy.id, "Unsayable", { parentId: mine.id, status: "removed" });
    const answer = await comment(bob.id, "Re: Unsayable", { parentId: secret.id });
    await notify(ada.id, "followed", answer.id);
    const sentences = (await listNotifications(ada.id, 1))?.items.map((i) => i.sentence);
    expect(sentences).toEqual([
      `${bob.name} posted “Re: (hidden comment)” in a discussion you follow: ${TITLE}`,
      `A moderator found nothing wrong with the comment “Fair words” you reported on ${TITLE}`,
      `A moderator upheld your report on a comment on ${TITLE}`,
    ]);
    expect(JSON.stringify(sentences)).not.toMatch(/Rude|Unsayable/);
  });

  it("pages thirty at a time and has no page past the end", async () => {
    const ada = await testMember();
    const mine = await comment(ada.id, "Peals");
    for (let i = 0; i < NOTIFICATIONS_PER_PAGE + 1; i++) await notify(ada.id, "badge", mine.id, i % 2 ? "funny" : "insightful");
    const [one, two, three] = [await listNotifications(ada.id, 1), await listNotifications(ada.id, 2), await listNotifications(ada.id, 3)];
    expect([one?.items.length, two?.items.length, one?.totalPages]).toEqual([NOTIFICATIONS_PER_PAGE, 1, 2]);
    expect(new Set([...(one?.items ?? []), ...(two?.items ?? [])].map((i) => i.id)).size).toBe(NOTIFICATIONS_PER_PAGE + 1);
    expect(three).toBeNull();
    expect((await listNotifications((await testMember()).id, 1))?.items).toEqual([]);
  });
});

describe("marking read", () => {
  const setUp = async (): Promise<[Viewer, Viewer, string[]]> => {
    const [ada, bob] = [await testMember(), await testMember()];
    const mine = await comment(ada.id, "Gongs");
    const ids = [];
    for (const detail of ["insightful", "funny", "first"]) ids.push((await notify(ada.id, detail === "first" ? "spotlight" : "badge", mine.id, detail)).id);
    return [ada, bob, ids];
  };

  it("marks one of your own read, and refuses anyone else's without touching it", async () => {
    const [ada, bob, [a]] = await setUp();
    await expect(markNotificationRead(bob, a)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markNotificationRead(ada, "no-such-notification")).rejects.toBeInstanceOf(NotFoundError);
    expect(await countUnreadNotifications(ada.id)).toBe(3);
    await markNotificationRead(ada, a);
    await markNotificationRead(ada, a);
    expect(await countUnreadNotifications(ada.id)).toBe(2);
    expect((await listNotifications(ada.id, 1))?.items.find((i) => i.id === a)?.isRead).toBe(true);
  });

  it("marks all that were there when the page was shown, not what came since, and only yours", async () => {
    const [ada, bob, ids] = await setUp();
    const shown = await db.notification.findUniqueOrThrow({ where: { id: ids[1] } });
    expect(await markAllNotificationsRead(bob, new Date())).toBe(0);
    expect(await markAllNotificationsRead(ada, shown.createdAt)).toBe(2);
    expect(await countUnreadNotifications(ada.id)).toBe(1);
  });

  it("opening an item marks it read and leads to its comment; someone else's leads nowhere", async () => {
    const [ada, bob, [a]] = await setUp();
    const row = await db.notification.findUniqueOrThrow({ where: { id: a } });
    expect(await openNotification(bob, a)).toBeNull();
    expect(await countUnreadNotifications(ada.id)).toBe(3);
    expect(await openNotification(ada, a)).toEqual({ href: `/comments/${row.commentId}` });
    expect(await countUnreadNotifications(ada.id)).toBe(2);
  });
});
