import "server-only";
import { badgesFor } from "./badges";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { parseId } from "../route-params";
import { renderMarkdown } from "../markdown/render";
import { getSettings } from "../settings/queries";
import { ONE_PAGE_MAX, paginate, type Paging, type PagingRow } from "./paging";
import { defaultThreadView, type ThreadView } from "./thread-view";
import type { CommentAuthor, CommentView, FlagReasonMix, SpotlightView } from "./types";
import { ANONYMOUS_NAME, DELETED_USER_NAME } from "../words";
import { authorName } from "./author-name";
import { hiddenTitleKeys, publicSubject } from "./subject";

type Row = {
  id: string;
  parentId: string | null;
  depth: number;
  subject: string;
  body: string;
  status: "published" | "pending" | "hidden" | "removed";
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  removedReason: string | null;
  hiddenBy: string | null;
  insightfulCount: number;
  funnyCount: number;
  insightfulWeight: number;
  funnyWeight: number;
  anonName: string | null;
  anonTag: string | null;
  anonWebsite: string | null;
  author: { handle: string; name: string; deletedAt: Date | null; role?: string } | null;
  // Present when selected with commentViewSelect: the badge next to a name and "in reply to".
  authorId?: string | null;
  article?: { authorId: string };
  parent?: ParentRow | null;
};

type ParentRow = {
  id: string;
  status: string;
  deletedAt: Date | null;
  anonName: string | null;
  anonTag: string | null;
  author: { name: string; deletedAt: Date | null } | null;
};

const STAFF_ROLES = new Set(["admin", "moderator"]);

function standingOf(row: Row): "author" | "staff" | undefined {
  if (row.authorId && row.article && row.authorId === row.article.authorId) return "author";
  return row.author?.role && STAFF_ROLES.has(row.author.role) ? "staff" : undefined;
}

function authorOf(row: Row): CommentAuthor {
  if (row.author) {
    if (row.author.deletedAt) return { kind: "deleted" };
    const standing = standingOf(row);
    return { kind: "member", handle: row.author.handle, name: row.author.name, ...(standing ? { standing } : {}) };
  }
  return { kind: "anonymous", name: row.anonName?.trim() || ANONYMOUS_NAME, tag: row.anonTag, website: row.anonWebsite };
}

function replyToOf(parent: ParentRow | null | undefined): CommentView["replyTo"] {
  if (!parent) return null;
  if (parent.deletedAt || parent.status === "removed") return { id: parent.id, name: "a deleted comment" };
  const author: CommentAuthor = parent.author
    ? parent.author.deletedAt
      ? { kind: "deleted" }
      : { kind: "member", handle: "", name: parent.author.name }
    : { kind: "anonymous", name: parent.anonName?.trim() || ANONYMOUS_NAME, tag: parent.anonTag, website: null };
  return { id: parent.id, name: authorName(author) };
}

// Exported for lib/best, which shows the same public view of a comment outside its thread.
// `hiddenTitles`: the article's hidden titles (hiddenTitlesOf), which replies' subjects must not repeat.
export function toView(row: Row, thresholds: { insightful: number; funny: number }, reasons?: FlagReasonMix, hiddenTitles?: Set<string>): CommentView {
  const isTombstone = row.deletedAt !== null || row.status === "removed";
  const base = {
    id: row.id,
    parentId: row.parentId,
    depth: row.depth,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    replyTo: replyToOf(row.parent),
  };
  if (isTombstone) {
    return {
      ...base,
      subject: "",
      bodyHtml: "",
      author: { kind: "deleted" },
      state: "tombstone",
      removedByModerator: !row.deletedAt,
      tombstoneText: row.deletedAt
        ? "This comment was deleted by its author."
        : `This comment was removed by a moderator${row.removedReason ? `: ${row.removedReason}` : "."}`,
      badges: { insightful: false, funny: false },
    };
  }
  return {
    ...base,
    subject: publicSubject(row.subject, hiddenTitles),
    bodyHtml: renderMarkdown(row.body, "comment"),
    author: authorOf(row),
    state: row.status === "hidden" ? "hidden" : "visible",
    hidden:
      row.status === "hidden"
        ? { by: row.hiddenBy === "moderator" ? "moderator" : "community", reasons: reasons ?? { abusive: 0, trolling: 0, spam: 0 } }
        : undefined,
    badges: { insightful: row.insightfulWeight >= thresholds.insightful, funny: row.funnyWeight >= thresholds.funny },
  };
}

const orderings = {
  oldest: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  newest: [{ createdAt: "desc" as const }, { id: "desc" as const }],
  // Ranked by what trusted voices add up to, so ratings that weigh nothing do not lift a comment.
  insightful: [{ insightfulWeight: "desc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }],
  funny: [{ funnyWeight: "desc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }],
};

const PUBLIC_STATES = ["published", "hidden", "removed"] as const;
// Exported for lib/best, which selects the same public view of a comment (plus its article's title).
export const commentViewSelect = {
  id: true, articleId: true, parentId: true, depth: true, subject: true, body: true, status: true, createdAt: true,
  editedAt: true, deletedAt: true, removedReason: true, hiddenBy: true, insightfulCount: true, insightfulWeight: true, funnyWeight: true,
  funnyCount: true, anonName: true, anonTag: true, anonWebsite: true, authorId: true,
  author: { select: { handle: true, name: true, deletedAt: true, role: true } },
  article: { select: { authorId: true } },
  parent: { select: { id: true, status: true, deletedAt: true, anonName: true, anonTag: true, author: { select: { name: true, deletedAt: true } } } },
} as const;
const viewSelect = commentViewSelect;

/**
 * Per article, the titles of its hidden, removed and deleted comments that no visible comment
 * also carries: a reply's "Re: <title>" must not give them away (lib/comments/subject.ts).
 */
export async function hiddenTitlesOf(articleIds: string[]): Promise<Map<string, Set<string>>> {
  const ids = [...new Set(articleIds)];
  const out = new Map<string, Set<string>>();
  if (ids.length === 0) return out;
  const db = getDb();
  const hidden = await db.comment.findMany({
    where: { articleId: { in: ids }, subject: { not: "" }, OR: [{ status: { in: ["hidden", "removed"] } }, { deletedAt: { not: null } }] },
    select: { articleId: true, subject: true },
  });
  if (hidden.length === 0) return out;
  const titles = [...new Set(hidden.map((h) => h.subject.trim().replace(/^(re:\s*)+/i, "").trim()))].filter(Boolean);
  const visible = await db.comment.findMany({
    where: { articleId: { in: ids }, status: "published", deletedAt: null, subject: { in: titles } },
    select: { articleId: true, subject: true },
  });
  for (const id of ids) {
    const keys = hiddenTitleKeys(
      hidden.filter((h) => h.articleId === id).map((h) => h.subject),
      visible.filter((v) => v.articleId === id).map((v) => v.subject),
    );
    if (keys.size > 0) out.set(id, keys);
  }
  return out;
}

/** Items whose subjects are shown as `publicSubject` has them (lists outside a thread: profiles, /best). */
export async function withPublicSubjects<T extends { subject: string }>(items: T[], articleIdOf: (item: T) => string): Promise<T[]> {
  const hidden = await hiddenTitlesOf(items.map(articleIdOf));
  return items.map((item) => ({ ...item, subject: publicSubject(item.subject, hidden.get(articleIdOf(item))) }));
}

/** Public views of the given comments (all of the article's when `ids` is absent), in order. */
async function loadViews(articleId: string, sort: ThreadView["sort"], ids?: string[]): Promise<CommentView[]> {
  return viewsOf(await fetchRows(articleId, sort, { ids }));
}

/** The full rows of the article's public comments (the given ones, or the first `take`), in order. */
function fetchRows(articleId: string, sort: ThreadView["sort"], { ids, take }: { ids?: string[]; take?: number }) {
  return getDb().comment.findMany({
    where: { articleId, status: { in: [...PUBLIC_STATES] }, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: orderings[sort],
    select: viewSelect,
    take,
  });
}

async function viewsOf(rows: Awaited<ReturnType<typeof fetchRows>>): Promise<CommentView[]> {
  const hiddenIds = rows.filter((r) => r.status === "hidden").map((r) => r.id);
  const reasons = new Map<string, FlagReasonMix>();
  const [settings, groups, hiddenTitles] = await Promise.all([
    getSettings(),
    hiddenIds.length > 0 ? getDb().flag.groupBy({ by: ["commentId", "reason"], where: { commentId: { in: hiddenIds } }, _count: { _all: true } }) : [],
    hiddenTitlesOf(rows.map((r) => r.articleId)),
  ]);
  for (const g of groups) {
    const mix = reasons.get(g.commentId) ?? { abusive: 0, trolling: 0, spam: 0 };
    mix[g.reason] += g._count._all;
    reasons.set(g.commentId, mix);
  }
  const thresholds = { insightful: settings.insightfulBadgeThreshold, funny: settings.funnyBadgeThreshold };
  return rows.map((r) => toView(r as Row, thresholds, reasons.get(r.id), hiddenTitles.get(r.articleId)));
}

/**
 * Every comment a reader may see on an article (pending ones are not public), flat, in the
 * requested order. Scores order the list but are not part of what is returned.
 */
export async function listArticleComments(articleId: string, sort: ThreadView["sort"] = "oldest"): Promise<CommentView[]> {
  return loadViews(articleId, sort);
}

/** Public views of a few given comments of an article (e.g. spotlighted ones on another page). */
export async function listCommentsByIds(articleId: string, ids: string[]): Promise<CommentView[]> {
  return loadViews(articleId, "oldest", ids);
}

/** The shape of the whole discussion (ids and thread roots only), enough to cut it into pages. */
async function pagingOf(articleId: string, view: ThreadView): Promise<{ rows: PagingRow[]; paging: Paging }> {
  const light = await getDb().comment.findMany({
    where: { articleId, status: { in: [...PUBLIC_STATES] } },
    orderBy: orderings[view.sort],
    select: { id: true, rootId: true, deletedAt: true },
  });
  const rows = light.map((r) => ({ id: r.id, rootId: r.rootId, deletedByAuthor: r.deletedAt !== null }));
  return { rows, paging: paginate(rows, view.view) };
}

export type CommentPage = { comments: CommentView[]; page: number; pageCount: number };

/**
 * One page of an article's discussion in the reader's view. A discussion longer than one page
 * takes a light query over all of it to cut it into pages, then the full rows of that page only.
 * Null for a page past the end.
 */
export async function listCommentPage(articleId: string, view: ThreadView): Promise<CommentPage | null> {
  // Nearly every discussion fits on one page: read it whole in one query, asking for one comment
  // more than a single page may hold to learn whether it does.
  if (view.page === 1) {
    const whole = await fetchRows(articleId, view.sort, { take: ONE_PAGE_MAX + 1 });
    if (whole.length <= ONE_PAGE_MAX) return { comments: await viewsOf(whole), page: 1, pageCount: 1 };
  }
  const { rows, paging } = await pagingOf(articleId, view);
  if (view.page > paging.pageCount) return null;
  if (paging.pageCount === 1) return { comments: await loadViews(articleId, view.sort), page: 1, pageCount: 1 };
  const ids = rows.filter((r) => paging.pageOf.get(r.id) === view.page).map((r) => r.id);
  const comments = await loadViews(articleId, view.sort, ids);
  return { comments, page: view.page, pageCount: paging.pageCount };
}

/** The page of the default view (threaded, oldest first) that shows a comment. */
export async function defaultPageOf(articleId: string, commentId: string): Promise<number> {
  // Most discussions fit on one page: a count settles it without reading the whole thread.
  const total = await getDb().comment.count({ where: { articleId, status: { in: [...PUBLIC_STATES] } } });
  if (total <= ONE_PAGE_MAX) return 1;
  const { paging } = await pagingOf(articleId, defaultThreadView);
  return paging.pageOf.get(commentId) ?? 1;
}

/** The article's First Word and Last Word, if claimed, with who paid for them. */
export async function listSpotlights(articleId: string): Promise<SpotlightView[]> {
  const rows = await getDb().spotlight.findMany({
    where: { articleId },
    select: { kind: true, commentId: true, user: { select: { name: true, handle: true } } },
  });
  return rows.map((r) => ({ kind: r.kind, commentId: r.commentId, byName: r.user.name, byHandle: r.user.handle }));
}

/** Newest visible comments of an article, for its comment feed. */
export async function listRecentArticleComments(articleId: string, limit = 50) {
  const [settings, hiddenTitles] = await Promise.all([getSettings(), hiddenTitlesOf([articleId])]);
  const rows = await getDb().comment.findMany({
    where: { articleId, status: "published", deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true, subject: true, body: true, createdAt: true, anonName: true, insightfulCount: true, insightfulWeight: true, funnyWeight: true, funnyCount: true,
      author: { select: { name: true, deletedAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    badges: badgesFor(r, settings),
    subject: publicSubject(r.subject, hiddenTitles.get(articleId)),
    bodyHtml: renderMarkdown(r.body, "comment"),
    createdAt: r.createdAt.toISOString(),
    authorName: r.author ? (r.author.deletedAt ? DELETED_USER_NAME : r.author.name) : r.anonName?.trim() || ANONYMOUS_NAME,
  }));
}

/** A public comment with its article, for the no-JavaScript reply page. */
export async function getCommentForReply(rawId: string, { includeHidden = false } = {}) {
  const id = parseId(rawId);
  if (!id) return null;
  const row = await getDb().comment.findFirst({
    // Hidden comments can be rated and flagged (from the page of their own), not answered.
    where: { id, status: includeHidden ? { in: ["published", "hidden"] } : "published", deletedAt: null, article: visibleArticleWhere() },
    select: { ...commentViewSelect, article: { select: { id: true, slug: true, title: true, authorId: true } } },
  });
  if (!row) return null;
  const [settings, hiddenTitles] = await Promise.all([getSettings(), hiddenTitlesOf([row.articleId])]);
  const comment = toView(row as Row, { insightful: settings.insightfulBadgeThreshold, funny: settings.funnyBadgeThreshold }, undefined, hiddenTitles.get(row.articleId));
  // The Markdown as written, for "Quote" to put in the reply.
  return { comment, article: row.article, allowAnonymous: settings.anonymousCommenting, source: row.body };
}
