// Editing and deleting against a real database: who may, for how long, and the count stays exact.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { ForbiddenError } from "../errors";
import { registerUser } from "../users/mutations";
import { deleteComment, listOwnComments, updateComment } from "./edit-mutations";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

async function viewer(role: Viewer["role"] = "reader"): Promise<Viewer> {
  const u = await registerUser({ name: "Editor", handle: `e_${unique()}`, email: `e-${unique()}@example.com`, password: "correct horse battery", role });
  return { id: u.id, handle: u.handle, name: "Editor", role, isBanned: false, sessionId: "test" };
}

async function commentBy(v: Viewer, minutesAgo = 0, parentId?: string) {
  const created = await db.comment.create({
    data: { articleId, authorId: v.id, body: `original ${unique()}`, subject: "Original", parentId, createdAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
  await db.article.update({ where: { id: articleId }, data: { commentCount: { increment: 1 } } });
  return created;
}

const count = async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;

beforeAll(async () => {
  const author = await viewer("author");
  articleId = (
    await db.article.create({ data: { slug: `edit-${unique()}`, title: "Edits", dept: "d", body: "b", status: "published", publishedAt: new Date(), authorId: author.id } })
  ).id;
});

describe("updateComment", () => {
  it("lets the author edit within 15 minutes and marks the comment edited", async () => {
    const me = await viewer();
    const c = await commentBy(me, 14);
    await updateComment(me, c.id, { subject: "Fixed", body: "Now with fewer typos" });
    const row = await db.comment.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.subject, row.body, row.editedAt !== null]).toEqual(["Fixed", "Now with fewer typos", true]);
  });

  it("refuses the author after 15 minutes and anyone else at any time, but not a moderator", async () => {
    const me = await viewer();
    const old = await commentBy(me, 16);
    await expect(updateComment(me, old.id, { subject: "", body: "late" })).rejects.toBeInstanceOf(ForbiddenError);
    const fresh = await commentBy(me);
    await expect(updateComment(await viewer(), fresh.id, { subject: "", body: "not mine" })).rejects.toBeInstanceOf(ForbiddenError);
    await updateComment(await viewer("moderator"), old.id, { subject: "", body: "moderated" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: old.id } })).body).toBe("moderated");
  });
});

describe("deleteComment", () => {
  it("leaves a tombstone, takes the comment out of the count once, even when asked twice", async () => {
    const me = await viewer();
    const c = await commentBy(me);
    const before = await count();
    await Promise.allSettled([deleteComment(me, c.id), deleteComment(me, c.id)]);
    expect(await count()).toBe(before - 1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).deletedAt).not.toBeNull();
  });

  it("refuses other members", async () => {
    const c = await commentBy(await viewer());
    await expect(deleteComment(await viewer(), c.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listOwnComments", () => {
  it("tells a member which comments they may still edit or delete", async () => {
    const me = await viewer();
    const fresh = await commentBy(me);
    const old = await commentBy(me, 30);
    await commentBy(await viewer());
    const own = await listOwnComments(me, articleId);
    expect(own.editable).toEqual([fresh.id]);
    expect(own.deletable.sort()).toEqual([fresh.id, old.id].sort());
  });
});
