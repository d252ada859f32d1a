// Reading a member's notifications: the bell's count and the /notifications list. Only the
// member's own rows, and only what they may still read: a reply or a new comment in a followed
// thread that has since been hidden, held, removed or deleted is neither shown nor counted (it
// would be news about words no one can see); news about the member's own comment (a badge, a
// spotlight, its hiding) and the verdict on their report stay.
import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import { hiddenTitlesOf } from "../comments/queries";
import { publicSubject } from "../comments/subject";
import type { CommentAuthor } from "../comments/types";
import { getDb } from "../db";
import { pageCount, type Page } from "../pagination";
import { ANONYMOUS_NAME } from "../words";
import { describeNotification } from "./describe";

export const NOTIFICATIONS_PER_PAGE = 30;

/** Kinds that are news about someone else's comment, shown only while it is published. */
const THREAD_KINDS = ["reply", "followed"] as const;

export type NotificationItem = {
  id: string;
  kind: string;
  sentence: string;
  actorName: string | null;
  createdAt: string;
  isRead: boolean;
  /** The comment's permalink (or the article when there is no comment). */
  href: string;
  /** The same, through the route that marks the item read on the way. */
  openHref: string;
};

export type NotificationPage = Page<NotificationItem> & { unread: number };

/** The rows the member may see: theirs, on public articles, about comments still readable where that matters. */
export function shownNotificationsWhere(userId: string, now = new Date()) {
  return {
    userId,
    article: visibleArticleWhere(now),
    OR: [{ kind: { notIn: [...THREAD_KINDS] } }, { comment: { is: { status: "published" as const, deletedAt: null } } }],
  };
}

/**
 * The bell's number: shownNotificationsWhere's rule, unread, in raw SQL (the same on SQLite and
 * PostgreSQL). Every signed-in page view asks it (/api/viewer) and the bell polls it; Prisma's
 * count costs ~190 µs in its client on top of ~70 µs of its SQL. lib/notifications/queries.test.ts
 * holds the two to the same answers (drafts, scheduled articles, replies no longer public).
 */
export async function countUnreadNotifications(userId: string, now = new Date()): Promise<number> {
  const [threadKind, otherThreadKind] = THREAD_KINDS;
  const [row] = await getDb().$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n"
      FROM "Notification" n
      JOIN "Article" a ON a."id" = n."articleId"
      LEFT JOIN "Comment" c ON c."id" = n."commentId"
      WHERE n."userId" = ${userId} AND n."readAt" IS NULL
        AND CAST(a."status" AS TEXT) = 'published' AND a."publishedAt" <= ${now}
        AND (CAST(n."kind" AS TEXT) NOT IN (${threadKind}, ${otherThreadKind}) OR (CAST(c."status" AS TEXT) = 'published' AND c."deletedAt" IS NULL))`;
  return Number(row.n);
}

const rowSelect = {
  id: true, kind: true, detail: true, createdAt: true, readAt: true, commentId: true,
  article: { select: { title: true, slug: true } },
  comment: {
    select: {
      articleId: true, subject: true, body: true, status: true, deletedAt: true, anonName: true, anonTag: true,
      author: { select: { handle: true, name: true, deletedAt: true } },
    },
  },
} as const;

type CommentRow = { subject: string; body: string; status: string; deletedAt: Date | null; anonName: string | null; anonTag: string | null; author: { handle: string; name: string; deletedAt: Date | null } | null };

function authorOf(c: CommentRow): CommentAuthor {
  if (c.author) return c.author.deletedAt ? { kind: "deleted" } : { kind: "member", handle: c.author.handle, name: c.author.name };
  return { kind: "anonymous", name: c.anonName?.trim() || ANONYMOUS_NAME, tag: c.anonTag, website: null };
}

/** One page of the member's notifications, newest first; null for a page past the end. */
export async function listNotifications(userId: string, page: number, now = new Date()): Promise<NotificationPage | null> {
  const db = getDb();
  const where = shownNotificationsWhere(userId, now);
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { ...where, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PER_PAGE,
      take: NOTIFICATIONS_PER_PAGE,
      select: rowSelect,
    }),
  ]);
  const totalPages = pageCount(total, NOTIFICATIONS_PER_PAGE);
  if (page > totalPages) return null;
  // A reply's "Re: <title>" must not repeat the title of a comment hidden since.
  const hiddenTitles = await hiddenTitlesOf(rows.flatMap((r) => (r.comment ? [r.comment.articleId] : [])));
  const items = rows.map((r): NotificationItem => {
    const c = r.comment;
    const isPublic = !!c && c.status === "published" && !c.deletedAt;
    // The member's own comment (badge, spotlight, hidden) is named as they wrote it; anyone
    // else's only while it is public, and then as every reader sees it.
    const isOwn = r.kind === "badge" || r.kind === "spotlight" || r.kind === "hidden";
    const comment =
      c && (isOwn || isPublic)
        ? { subject: isOwn ? c.subject : publicSubject(c.subject, hiddenTitles.get(c.articleId)), body: c.body, author: authorOf(c), isPublic }
        : null;
    const { sentence, actorName } = describeNotification({ kind: r.kind, detail: r.detail, articleTitle: r.article.title, comment });
    const href = r.commentId ? `/comments/${r.commentId}` : `/articles/${r.article.slug}`;
    return { id: r.id, kind: r.kind, sentence, actorName, createdAt: r.createdAt.toISOString(), isRead: r.readAt !== null, href, openHref: `/notifications/${r.id}/open` };
  });
  return { items, page, totalPages, total, unread };
}
