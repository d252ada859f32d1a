// Rows for the sender's tests, written straight to the database: members with the mail settings a
// test needs, an article, and replies with their queued notification (as lib/notifications/outbox.ts
// writes them), at times the test chooses.
import { randomBytes } from "node:crypto";
import { getDb } from "../../lib/db";

export const unique = () => randomBytes(5).toString("hex");
export const token = () => randomBytes(32).toString("base64url");

/** A fixed morning (09:00 UTC) the tests' clocks start from. */
export const T0 = new Date(Date.UTC(2026, 5, 1, 9, 0, 0));
export const minutes = (n: number, from = T0) => new Date(from.getTime() + n * 60_000);

type MemberOptions = { verified?: boolean; mode?: "instant" | "digest" | "never"; replies?: boolean; followed?: boolean; banned?: boolean };

export async function member(options: MemberOptions = {}) {
  const u = unique();
  return getDb().user.create({
    data: {
      email: `n-${u}@example.test`,
      handle: `n_${u}`,
      name: `Member ${u}`,
      emailVerifiedAt: options.verified === false ? null : new Date(Date.UTC(2026, 0, 1)),
      notifyMailMode: options.mode ?? "instant",
      notifyReplies: options.replies ?? true,
      notifyFollowed: options.followed ?? true,
      bannedAt: options.banned ? new Date(Date.UTC(2026, 0, 2)) : null,
    },
    select: { id: true, email: true, name: true },
  });
}

export async function article(title = `A discussion ${unique()}`) {
  const author = await member();
  return getDb().article.create({
    data: { slug: `n-${unique()}`, title, dept: "telling", body: "Something to discuss.", status: "published", publishedAt: new Date(Date.UTC(2026, 0, 1)), authorId: author.id },
    select: { id: true, title: true },
  });
}

type ReplyOptions = { at?: Date; kind?: "reply" | "followed"; status?: "published" | "pending" | "hidden"; by?: { id: string }; body?: string; subject?: string };

/** A reply on the article and the queued notification of it for `to` (a member or an address). */
export async function queuedReply(on: { id: string }, to: { userId: string } | { mailAddressId: string }, options: ReplyOptions = {}) {
  const db = getDb();
  const at = options.at ?? T0;
  const by = options.by ?? (await member());
  const comment = await db.comment.create({
    data: { articleId: on.id, authorId: by.id, subject: options.subject ?? "Re: a point", body: options.body ?? `A reply ${unique()}`, status: options.status ?? "published", createdAt: at },
    select: { id: true },
  });
  const row = await db.notification.create({
    data: { ...to, kind: options.kind ?? "reply", commentId: comment.id, articleId: on.id, createdAt: at, mailState: "queued", mailDueAt: at },
    select: { id: true },
  });
  return { commentId: comment.id, notificationId: row.id };
}

export const rowsOf = (where: { userId: string } | { mailAddressId: string }) =>
  getDb().notification.findMany({ where, orderBy: { createdAt: "asc" }, select: { id: true, mailState: true, mailAttempts: true, mailDueAt: true, mailSentAt: true } });

/** Earlier test files in this worker may have left queued rows: set them aside so counts are ours. */
export async function setAsideOthersMail() {
  await getDb().notification.updateMany({ where: { mailState: { in: ["queued", "sending"] } }, data: { mailState: "skipped" } });
  await getDb().mailLock.deleteMany({});
}
