// Rows for the follow, address and replies-feed tests, written straight to the database.
import { randomBytes } from "node:crypto";
import type { Viewer } from "../../lib/auth/viewer";
import { getDb } from "../../lib/db";

export const unique = () => randomBytes(5).toString("hex");

export async function member(): Promise<Viewer & { email: string }> {
  const u = unique();
  const row = await getDb().user.create({ data: { email: `f-${u}@example.test`, handle: `f_${u}`, name: `Follower ${u}` }, select: { id: true, handle: true, name: true, email: true } });
  return { ...row, role: "reader", isBanned: false, sessionId: `s-${u}` };
}

type ArticleOptions = { status?: "draft" | "published"; publishedAt?: Date };

export async function article(options: ArticleOptions = {}) {
  const author = await member();
  return getDb().article.create({
    data: {
      slug: `f-${unique()}`,
      title: `A followed discussion ${unique()}`,
      dept: "following",
      body: "Something to follow.",
      status: options.status ?? "published",
      publishedAt: options.publishedAt ?? new Date(Date.UTC(2026, 0, 1)),
      authorId: author.id,
    },
    select: { id: true, slug: true },
  });
}

type CommentOptions = { authorId?: string | null; parentId?: string; status?: "published" | "pending" | "hidden" | "removed"; subject?: string; body?: string; at?: Date; deleted?: boolean };

export async function comment(on: { id: string }, options: CommentOptions = {}) {
  const authorId = options.authorId === undefined ? (await member()).id : options.authorId;
  return getDb().comment.create({
    data: {
      articleId: on.id,
      authorId,
      anonName: authorId ? null : "Passer-by",
      parentId: options.parentId ?? null,
      depth: options.parentId ? 1 : 0,
      subject: options.subject ?? "",
      body: options.body ?? `A comment ${unique()}`,
      status: options.status ?? "published",
      createdAt: options.at ?? new Date(),
      deletedAt: options.deleted ? new Date() : null,
    },
    select: { id: true },
  });
}
