// What the comment edit page shows each member, against a real database: an article taken back to
// draft (or scheduled) keeps its title from everyone but those who may edit it.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { getCommentForEdit } from "./edit-queries";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
const TITLE = `Secret plans ${unique()}`;

async function member(role: Viewer["role"] = "reader"): Promise<Viewer> {
  const handle = `q_${unique()}`;
  const u = await db.user.create({ data: { email: `${handle}@example.com`, handle, name: "Member", role } });
  return { id: u.id, handle, name: "Member", role, isBanned: false, sessionId: "test" };
}

let writer: Viewer;
let commenter: Viewer;
let articleId: string;
let commentId: string;

const setArticle = (data: { status: "draft" | "published"; publishedAt: Date | null }) => db.article.update({ where: { id: articleId }, data });

beforeAll(async () => {
  writer = await member("author");
  commenter = await member();
  const article = await db.article.create({ data: { slug: `edit-view-${unique()}`, title: TITLE, dept: "d", body: "b", status: "published", publishedAt: new Date(), authorId: writer.id } });
  articleId = article.id;
  commentId = (await db.comment.create({ data: { articleId, authorId: commenter.id, subject: "Mine", body: "My words" } })).id;
});

describe("getCommentForEdit", () => {
  it("shows anyone the title of a published article, and the source only to who may edit it", async () => {
    await setArticle({ status: "published", publishedAt: new Date(Date.now() - 60_000) });
    expect(await getCommentForEdit(await member(), commentId)).toEqual({ id: commentId, subject: "", body: "", canEdit: false, canDelete: false, articleTitle: TITLE, editMsLeft: null });
    expect(await getCommentForEdit(commenter, commentId)).toMatchObject({ subject: "Mine", body: "My words", canEdit: true, canDelete: true, articleTitle: TITLE });
  });

  it.each([
    ["went back to draft", { status: "draft" as const, publishedAt: new Date(Date.now() - 60_000) }],
    ["is scheduled for later", { status: "published" as const, publishedAt: new Date(Date.now() + 3_600_000) }],
  ])("keeps the title of an article that %s to those who may edit it", async (_what, state) => {
    await setArticle(state);
    // Any other member: no such page.
    expect(await getCommentForEdit(await member(), commentId)).toBeNull();
    // The comment's author may still change it, without learning what the article became.
    expect(await getCommentForEdit(commenter, commentId)).toMatchObject({ canEdit: true, canDelete: true, articleTitle: null });
    // The article's author and admins see its title; a moderator changes the comment without it.
    expect((await getCommentForEdit(writer, commentId))?.articleTitle).toBe(TITLE);
    expect((await getCommentForEdit(await member("admin"), commentId))?.articleTitle).toBe(TITLE);
    expect(await getCommentForEdit(await member("moderator"), commentId)).toMatchObject({ canEdit: true, articleTitle: null });
  });

  it("tells the author how long is left of the edit window at the moment asked, and a moderator nothing", async () => {
    await setArticle({ status: "published", publishedAt: new Date(Date.now() - 60_000) });
    const { createdAt } = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { createdAt: true } });
    const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);
    expect((await getCommentForEdit(commenter, commentId, at(3)))?.editMsLeft).toBe(12 * 60_000);
    expect(await getCommentForEdit(commenter, commentId, at(16))).toMatchObject({ canEdit: false, canDelete: true, editMsLeft: null, body: "" });
    expect(await getCommentForEdit(await member("moderator"), commentId, at(16))).toMatchObject({ canEdit: true, editMsLeft: null });
  });

  it("knows no unknown, malformed or deleted comment", async () => {
    const deleted = await db.comment.create({ data: { articleId, authorId: commenter.id, body: "gone", deletedAt: new Date() } });
    for (const id of ["no-such-comment", "bad id\0", deleted.id]) expect(await getCommentForEdit(commenter, id)).toBeNull();
  });
});
