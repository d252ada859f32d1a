// The public view of a discussion against a real database: the badge next to the article's
// author and staff, whom a reply answers, and hidden titles kept out of replies' subjects
// wherever comment views are built (thread, reply page, feed, profile lists).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLAGSHIP_SLUG } from "../../prisma/demo";
import { seedDemo, wipeDatabase } from "../../prisma/seed";
import { getDb } from "../db";
import { listMemberComments } from "../users/activity";
import { getCommentForReply, listArticleComments, listRecentArticleComments } from "./queries";
import { HIDDEN_SUBJECT } from "./subject";
import type { CommentView } from "./types";

const db = getDb();
let comments: CommentView[] = [];
let articleId = "";

beforeAll(async () => {
  await wipeDatabase(db);
  await seedDemo(db);
  articleId = (await db.article.findUniqueOrThrow({ where: { slug: FLAGSHIP_SLUG } })).id;
  comments = await listArticleComments(articleId);
});

afterAll(async () => {
  await wipeDatabase(db);
});

const memberName = (c: CommentView) => (c.author.kind === "member" ? c.author.name : null);

describe("standing next to a name", () => {
  it("marks the article's author as Author and admins and moderators as staff, nobody else", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { author: { select: { name: true } } } });
    const staff = await db.user.findMany({ where: { role: { in: ["admin", "moderator"] } }, select: { name: true } });
    const standings = new Map<string, string | undefined>();
    for (const c of comments) if (c.author.kind === "member") standings.set(c.author.name, c.author.standing);
    expect(standings.get(article.author.name)).toBe("author");
    const staffHere = staff.map((s) => s.name).filter((n) => standings.has(n));
    expect(staffHere.length).toBeGreaterThan(0);
    for (const name of staffHere) expect(standings.get(name)).toBe("staff");
    const others = [...standings].filter(([name]) => name !== article.author.name && !staffHere.includes(name));
    expect(others.length).toBeGreaterThan(5);
    for (const [, standing] of others) expect(standing).toBeUndefined();
  });
});

describe("whom a reply answers", () => {
  it("names each reply's parent, and nothing for a top-level comment", () => {
    const byId = new Map(comments.map((c) => [c.id, c]));
    for (const c of comments) {
      if (!c.parentId) expect(c.replyTo).toBeNull();
      else {
        const parent = byId.get(c.parentId)!;
        expect(c.replyTo?.id).toBe(parent.id);
        if (parent.state === "tombstone") expect(c.replyTo?.name).toBe("a deleted comment");
        else if (memberName(parent)) expect(c.replyTo?.name).toBe(memberName(parent));
      }
    }
  });
});

describe("a hidden comment's title", () => {
  it("shows nowhere through the replies' subjects", async () => {
    const hidden = comments.find((c) => c.state === "hidden")!;
    expect(hidden.subject.length).toBeGreaterThan(5);
    const replies = comments.filter((c) => c.parentId === hidden.id);
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(r.subject).toBe(HIDDEN_SUBJECT);
    // Every comment below it in the thread, however deep.
    const leaks = comments.filter((c) => c.id !== hidden.id && c.subject.includes(hidden.subject));
    expect(leaks).toEqual([]);

    const forReply = await getCommentForReply(replies[0].id);
    expect(forReply?.comment.subject).toBe(HIDDEN_SUBJECT);
    const feed = await listRecentArticleComments(articleId);
    expect(feed.some((c) => c.subject === HIDDEN_SUBJECT)).toBe(true);
    expect(feed.filter((c) => c.subject.includes(hidden.subject))).toEqual([]);

    const replier = await db.comment.findUniqueOrThrow({ where: { id: replies[0].id }, select: { authorId: true } });
    const profile = await listMemberComments(replier.authorId!, 1);
    expect(profile.items.find((c) => c.id === replies[0].id)?.subject).toBe(HIDDEN_SUBJECT);
  });

  it("is left alone in replies to visible comments", () => {
    const visibleRe = comments.filter((c) => c.state === "visible" && c.subject.startsWith("Re: ") && c.subject !== HIDDEN_SUBJECT);
    expect(visibleRe.length).toBeGreaterThan(5);
  });
});
