// Fresh rows for each case of the authorization matrix, written straight to the database (no
// action involved), so one case never sees another's members, articles, comments or limits.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/roles";
import { getDb } from "../../lib/db";

export const PASSWORD = "matrix password, long enough";

export const unique = () => randomBytes(5).toString("hex");

// argon2 is slow on purpose: hash the one password every fixture member shares once.
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

export type Member = { id: string; email: string; handle: string };

export async function member(role: Role = "reader", options: { banned?: boolean; credits?: number } = {}): Promise<Member> {
  const u = unique();
  return getDb().user.create({
    data: {
      email: `m-${u}@example.com`,
      handle: `m_${u}`,
      name: `Member ${u}`,
      role,
      passwordHash: await passwordHash(),
      bannedAt: options.banned ? new Date() : null,
      credits: options.credits ?? 0,
    },
    select: { id: true, email: true, handle: true },
  });
}

export type ArticleRow = { id: string; slug: string; title: string };

/** A published article (by a fresh author unless one is given). */
export async function article(authorId?: string): Promise<ArticleRow> {
  const u = unique();
  return getDb().article.create({
    data: {
      slug: `matrix-${u}`,
      title: `Matrix article ${u}`,
      dept: "testing",
      body: "Something to discuss.",
      status: "published",
      publishedAt: new Date(Date.now() - 60_000),
      authorId: authorId ?? (await member("author")).id,
    },
    select: { id: true, slug: true, title: true },
  });
}

type CommentOptions = { status?: "published" | "hidden" | "pending"; flagWeight?: number };

/** A top-level comment by a member (a fresh reader unless one is given), counted as posting counts it. */
export async function comment(on: ArticleRow, authorId?: string, options: CommentOptions = {}): Promise<{ id: string }> {
  const db = getDb();
  const status = options.status ?? "published";
  const created = await db.comment.create({
    data: {
      articleId: on.id,
      authorId: authorId ?? (await member()).id,
      subject: "Fixture",
      body: `A comment ${unique()}`,
      status,
      flagWeight: options.flagWeight ?? 0,
      hiddenBy: status === "hidden" ? "community" : null,
      visitorKey: `v${unique()}${unique()}`,
    },
    select: { id: true },
  });
  await db.comment.update({ where: { id: created.id }, data: { rootId: created.id } });
  if (status !== "pending") await db.article.update({ where: { id: on.id }, data: { commentCount: { increment: 1 } } });
  return created;
}

/** A confirmed newsletter subscriber and the token of their unsubscribe link. */
export async function subscriber(): Promise<{ id: string; unsubscribeToken: string }> {
  const token = () => randomBytes(32).toString("base64url");
  return getDb().newsletterSubscriber.create({
    data: { email: `n-${unique()}@example.com`, status: "confirmed", confirmedAt: new Date(), confirmToken: token(), unsubscribeToken: token() },
    select: { id: true, unsubscribeToken: true },
  });
}
