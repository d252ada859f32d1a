// Moderation against a real database: only moderators decide, every decision is recorded with
// it, counts stay exact under races, and bans stop posting at the banned poster's next attempt.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { viewerFromSessionId, type Viewer } from "../auth/viewer";
import { createComment } from "../comments/mutations";
import { listArticleComments } from "../comments/queries";
import { getDb } from "../db";
import { FieldError, ForbiddenError } from "../errors";
import { registerUser } from "../users/mutations";
import { approveComment, banAuthor, liftBan, removeComment } from "./mutations";
import { listBans, listModerationLog, listModerationQueue } from "./queries";
import { ModerationAction } from "./types";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

/** A member signed in through a real Session row, so a ban shows in the viewer as it would live. */
async function viewer(role: Viewer["role"] = "reader"): Promise<Viewer> {
  const u = await registerUser({ name: `Mod ${unique()}`, handle: `mod_${unique()}`, email: `m-${unique()}@example.com`, password: "correct horse battery", role });
  const session = await db.session.create({ data: { id: `s-${unique()}`, userId: u.id, expiresAt: new Date(Date.now() + 3600_000) } });
  return (await viewerFromSessionId(session.id))!;
}

type Status = "published" | "hidden" | "pending";

/** A comment straight in the database, counted as posting would count it. */
async function comment(status: Status, by: { authorId?: string; visitorKey?: string } = {}, flagWeight = 0) {
  const c = await db.comment.create({
    data: {
      articleId, status, flagWeight, body: `queued ${unique()}`, subject: "Queued",
      hiddenBy: status === "hidden" ? "community" : null,
      ...(by.authorId ? { authorId: by.authorId } : { anonName: "Drive-by", anonEmail: "a@example.net" }),
      visitorKey: by.visitorKey ?? `v${unique()}`,
    },
  });
  if (status !== "pending") await db.article.update({ where: { id: articleId }, data: { commentCount: { increment: 1 } } });
  return c;
}

const count = async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;
const row = (id: string) => db.comment.findUniqueOrThrow({ where: { id } });
const events = (commentId: string) => db.moderationEvent.findMany({ where: { commentId } });
const settled = (results: PromiseSettledResult<unknown>[]) => results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as Error).constructor.name)).sort();

beforeAll(async () => {
  const author = await viewer("author");
  articleId = (
    await db.article.create({ data: { slug: `mod-${unique()}`, title: "Moderated", dept: "d", body: "b", status: "published", publishedAt: new Date(), authorId: author.id } })
  ).id;
});

describe("only moderators", () => {
  it("refuses readers and authors every decision and the queue, and changes nothing", async () => {
    const poster = await viewer();
    const hidden = await comment("hidden", { authorId: poster.id }, 6);
    const before = await count();
    for (const role of ["reader", "author"] as const) {
      const v = await viewer(role);
      await expect(approveComment(v, hidden.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(removeComment(v, hidden.id, "because")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(banAuthor(v, hidden.id, "because")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(liftBan(v, { kind: "user", target: poster.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listModerationQueue(v)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listModerationLog(v)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(listModerationQueue(null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await row(hidden.id)).toMatchObject({ status: "hidden", hiddenBy: "community", flagWeightApproved: 0, removedReason: null });
    expect(await count()).toBe(before);
    expect(await events(hidden.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: poster.id } })).bannedAt).toBeNull();
  });
});

describe("approveComment", () => {
  it("publishes a hidden comment, approves its flag weight and records who and why", async () => {
    const mod = await viewer("moderator");
    const hidden = await comment("hidden", {}, 7);
    const before = await count();
    expect(await approveComment(mod, hidden.id, "Satire, not spam")).toMatchObject({ articleSlug: expect.stringMatching(/^mod-/) });
    expect(await row(hidden.id)).toMatchObject({ status: "published", hiddenBy: null, flagWeight: 7, flagWeightApproved: 7 });
    expect(await count()).toBe(before);
    expect(await events(hidden.id)).toMatchObject([{ actorId: mod.id, action: ModerationAction.approve, reason: "Satire, not spam", targetVisitorKey: hidden.visitorKey }]);
    await expect(approveComment(mod, hidden.id)).rejects.toBeInstanceOf(FieldError);
  });

  it("publishes a pending comment and counts it once, even when two moderators approve at once", async () => {
    const [a, b] = [await viewer("moderator"), await viewer("admin")];
    const pending = await comment("pending");
    const before = await count();
    expect(settled(await Promise.allSettled([approveComment(a, pending.id), approveComment(b, pending.id)]))).toEqual(["FieldError", "ok"]);
    expect((await row(pending.id)).status).toBe("published");
    expect(await count()).toBe(before + 1);
    expect(await events(pending.id)).toHaveLength(1);
  });
});

describe("removeComment", () => {
  it("leaves the reason in place of the comment and takes it out of the count once under a race", async () => {
    const mod = await viewer("moderator");
    const hidden = await comment("hidden", {}, 5);
    const before = await count();
    const why = `Doxxing ${unique()}`;
    expect(settled(await Promise.allSettled([removeComment(mod, hidden.id, why), removeComment(mod, hidden.id, why)]))).toEqual(["FieldError", "ok"]);
    expect(await count()).toBe(before - 1);
    expect(await events(hidden.id)).toMatchObject([{ action: ModerationAction.remove, reason: why, actorId: mod.id }]);
    const view = (await listArticleComments(articleId)).find((c) => c.id === hidden.id);
    expect(view).toMatchObject({ state: "tombstone", tombstoneText: `This comment was removed by a moderator: ${why}`, bodyHtml: "" });
  });

  it("removes a pending comment without touching the count, and wants a reason", async () => {
    const mod = await viewer("moderator");
    const pending = await comment("pending");
    const before = await count();
    await expect(removeComment(mod, pending.id, "   ")).rejects.toBeInstanceOf(FieldError);
    await removeComment(mod, pending.id, "Link farm");
    expect(await row(pending.id)).toMatchObject({ status: "removed", removedReason: "Link farm" });
    expect(await count()).toBe(before);
  });
});

describe("banAuthor and liftBan", () => {
  const post = (poster: Viewer | null, visitorId = `v${unique()}`) =>
    createComment(
      { viewer: poster, visitorId, ip: `ip-${unique()}`, anonymous: poster ? undefined : { anonName: "", anonEmail: "x@example.net", anonWebsite: "" } },
      { articleId, subject: "", body: `after the ban ${unique()}` },
    );

  it("stops a member posting at their next request, until the ban is lifted", async () => {
    const [mod, member] = [await viewer("moderator"), await viewer()];
    const c = await comment("hidden", { authorId: member.id }, 5);
    expect(await banAuthor(mod, c.id, "Repeated abuse")).toMatchObject({ banned: "user" });
    const banned = (await viewerFromSessionId(member.sessionId))!;
    expect(banned.isBanned).toBe(true);
    await expect(post(banned)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(banAuthor(mod, c.id, "Again")).rejects.toBeInstanceOf(FieldError);
    expect(await listBans(mod)).toContainEqual(expect.objectContaining({ kind: "user", target: member.id, reason: "Repeated abuse" }));

    await liftBan(mod, { kind: "user", target: member.id }, "Appeal accepted");
    await expect(post((await viewerFromSessionId(member.sessionId))!)).resolves.toMatchObject({ status: "published" });
    expect(await db.moderationEvent.findMany({ where: { targetUserId: member.id }, orderBy: { createdAt: "asc" } })).toMatchObject([
      { action: ModerationAction.banUser, commentId: c.id, reason: "Repeated abuse" },
      { action: ModerationAction.unbanUser, commentId: null, reason: "Appeal accepted" },
    ]);
  });

  it("bans an anonymous poster by the visitor key their comment was posted with", async () => {
    const mod = await viewer("moderator");
    const visitorKey = `v${unique()}`;
    const c = await comment("hidden", { visitorKey }, 5);
    expect(await banAuthor(mod, c.id, "Spam bot")).toMatchObject({ banned: "visitor" });
    await expect(post(null, visitorKey)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(post(null)).resolves.toBeTruthy();
    expect(await db.visitorBan.findUnique({ where: { visitorKey } })).toMatchObject({ reason: "Spam bot" });
    expect(await events(c.id)).toMatchObject([{ action: ModerationAction.banVisitor, targetVisitorKey: visitorKey, reason: "Spam bot" }]);
  });

  it("refuses to ban oneself or other staff", async () => {
    const [mod, other] = [await viewer("moderator"), await viewer("moderator")];
    await expect(banAuthor(mod, (await comment("hidden", { authorId: mod.id })).id, "me")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(banAuthor(mod, (await comment("hidden", { authorId: other.id })).id, "them")).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).bannedAt).toBeNull();
  });
});

describe("the queue and the log", () => {
  it("lists hidden and pending comments with their flags, and decisions with who, what and why", async () => {
    const [mod, flagger] = [await viewer("moderator"), await viewer()];
    const hidden = await comment("hidden", {}, 4);
    const pending = await comment("pending");
    await db.flag.createMany({
      data: [
        { commentId: hidden.id, voterKey: `v:${unique()}`, voterKind: "visitor", reason: "spam", weight: 1 },
        { commentId: hidden.id, voterKey: `v:${unique()}`, voterKind: "visitor", reason: "spam", weight: 1 },
        { commentId: hidden.id, voterKey: `u:${flagger.id}`, voterKind: "member", userId: flagger.id, reason: "trolling", weight: 2 },
      ],
    });
    const { items } = await listModerationQueue(mod, 1, 500);
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(pending.id)).toBeLessThan(ids.indexOf(hidden.id)); // newest first
    expect(items.find((i) => i.id === hidden.id)).toMatchObject({
      status: "hidden",
      hiddenBy: "community",
      flagWeight: 4,
      reasons: { abusive: 0, trolling: 1, spam: 2 },
      flaggers: { visitor: 2, member: 1, moderator: 0 },
      author: { kind: "anonymous", name: "Drive-by", visitorLabel: expect.stringMatching(/^visitor [0-9a-f]{8}$/), isBanned: false },
    });
    expect(items.find((i) => i.id === pending.id)).toMatchObject({ status: "pending", hiddenBy: null });

    await removeComment(mod, hidden.id, "Spam, plainly");
    const { items: after } = await listModerationQueue(mod, 1, 500);
    expect(after.map((i) => i.id)).not.toContain(hidden.id);
    const [latest] = await listModerationLog(mod);
    expect(latest).toMatchObject({ action: ModerationAction.remove, actorName: `${mod.name} (@${mod.handle})`, commentId: hidden.id, reason: "Spam, plainly" });
    expect(latest.target).toMatch(/^Drive-by \(visitor [0-9a-f]{8}\)$/);
  });
});
