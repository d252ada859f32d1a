// What the moderation page reads: the queue of hidden and pending comments and the log of
// decisions. Moderators only, checked here too, since these show what readers may not see.
import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import type { FlagReasonMix } from "../comments/types";
import { getDb } from "../db";
import { renderMarkdown } from "../markdown/render";
import { pageCount, type Page } from "../pagination";
import { ModerationAction, type BanEntry, type FlaggerMix, type LogEntry, type QueueAuthor, type QueueItem } from "./types";
import { networkBanEntries } from "./ban-traces";
import { visitorLabel } from "./visitor-label";
import { ANONYMOUS_NAME, DELETED_USER_NAME } from "../words";

export const QUEUE_PER_PAGE = 50;
export const LOG_LIMIT = 100;
const FOR_MODERATORS = "This page is for moderators.";

export const queueSelect = {
  id: true, subject: true, body: true, status: true, hiddenBy: true, flagWeight: true, flagWeightApproved: true, createdAt: true,
  anonName: true, visitorKey: true,
  author: { select: { name: true, handle: true, role: true, bannedAt: true, deletedAt: true } },
  article: { select: { title: true, slug: true } },
} as const;

/** Hidden and pending comments, newest first, a page at a time, with what their flags say. */
export async function listModerationQueue(viewer: Viewer | null, page = 1, perPage = QUEUE_PER_PAGE): Promise<Page<QueueItem>> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  const db = getDb();
  const where = { status: { in: ["hidden" as const, "pending" as const] }, deletedAt: null };
  const [total, rows] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * perPage, take: perPage, select: queueSelect }),
  ]);
  const ids = rows.map((r) => r.id);
  const anonKeys = rows.filter((r) => !r.author && r.visitorKey).map((r) => r.visitorKey!);
  const [byReason, byKind, bans] = await Promise.all([
    db.flag.groupBy({ by: ["commentId", "reason"], where: { commentId: { in: ids } }, _count: { _all: true } }),
    db.flag.groupBy({ by: ["commentId", "voterKind"], where: { commentId: { in: ids } }, _count: { _all: true } }),
    db.visitorBan.findMany({ where: { visitorKey: { in: anonKeys } }, select: { visitorKey: true } }),
  ]);
  const reasons = new Map<string, FlagReasonMix>();
  for (const g of byReason) {
    const mix = reasons.get(g.commentId) ?? { abusive: 0, trolling: 0, spam: 0 };
    mix[g.reason] += g._count._all;
    reasons.set(g.commentId, mix);
  }
  const flaggers = new Map<string, FlaggerMix>();
  for (const g of byKind) {
    const mix = flaggers.get(g.commentId) ?? { visitor: 0, member: 0, moderator: 0 };
    mix[g.voterKind] += g._count._all;
    flaggers.set(g.commentId, mix);
  }
  const banned = new Set(bans.map((b) => b.visitorKey));
  const items = rows.map(
    (r): QueueItem => ({
      id: r.id,
      subject: r.subject,
      bodyHtml: renderMarkdown(r.body, "comment"),
      author: authorOf(r, banned),
      article: r.article,
      status: r.status === "pending" ? "pending" : "hidden",
      hiddenBy: r.status !== "hidden" ? null : r.hiddenBy === "moderator" ? "moderator" : "community",
      flagWeight: r.flagWeight,
      flagWeightApproved: r.flagWeightApproved,
      reasons: reasons.get(r.id) ?? { abusive: 0, trolling: 0, spam: 0 },
      flaggers: flaggers.get(r.id) ?? { visitor: 0, member: 0, moderator: 0 },
      createdAt: r.createdAt.toISOString(),
    }),
  );
  return { items, total, page, totalPages: pageCount(total, perPage) };
}

type AuthorRow = {
  anonName: string | null;
  visitorKey: string | null;
  author: { name: string; handle: string; role: string; bannedAt: Date | null; deletedAt: Date | null } | null;
};

export function authorOf(r: AuthorRow, bannedVisitors: Set<string>): QueueAuthor {
  if (r.author) {
    if (r.author.deletedAt) return { kind: "deleted" };
    const isStaff = r.author.role === "moderator" || r.author.role === "admin";
    return { kind: "member", name: r.author.name, handle: r.author.handle, isBanned: r.author.bannedAt !== null, canBeBanned: !isStaff };
  }
  return {
    kind: "anonymous",
    name: r.anonName?.trim() || ANONYMOUS_NAME,
    visitorLabel: r.visitorKey ? visitorLabel(r.visitorKey) : null,
    isBanned: r.visitorKey ? bannedVisitors.has(r.visitorKey) : false,
  };
}

const person = (u: { name: string; handle: string; deletedAt: Date | null } | null) => (u ? (u.deletedAt ? DELETED_USER_NAME : `${u.name} (@${u.handle})`) : null);

/** The latest decisions, newest first: who, what, to which comment or poster, why and when. */
export async function listModerationLog(viewer: Viewer | null, limit = LOG_LIMIT): Promise<LogEntry[]> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  const rows = await getDb().moderationEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true, action: true, commentId: true, reason: true, createdAt: true, targetVisitorKey: true,
      actor: { select: { name: true, handle: true, deletedAt: true } },
      targetUser: { select: { name: true, handle: true, deletedAt: true } },
      comment: { select: { anonName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actorName: person(r.actor),
    commentId: r.commentId,
    target:
      person(r.targetUser) ??
      (r.targetVisitorKey ? `${r.comment?.anonName?.trim() || ANONYMOUS_NAME} (${visitorLabel(r.targetVisitorKey)})` : null),
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Members and visitors banned from posting, and networks held for review, newest first, with the reason given. */
export async function listBans(viewer: Viewer | null, limit = LOG_LIMIT): Promise<BanEntry[]> {
  requireRole(viewer, "moderator", FOR_MODERATORS);
  const db = getDb();
  const [users, visitors] = await Promise.all([
    db.user.findMany({ where: { bannedAt: { not: null }, deletedAt: null }, orderBy: { bannedAt: "desc" }, take: limit, select: { id: true, name: true, handle: true, bannedAt: true } }),
    db.visitorBan.findMany({ orderBy: { createdAt: "desc" }, take: limit }),
  ]);
  // The name an anonymous poster used comes from the comment they were banned over.
  const events = await db.moderationEvent.findMany({
    where: { action: ModerationAction.banVisitor, targetVisitorKey: { in: visitors.map((v) => v.visitorKey) } },
    orderBy: { createdAt: "desc" },
    select: { targetVisitorKey: true, comment: { select: { anonName: true } } },
  });
  const userReasons = await db.moderationEvent.findMany({
    where: { action: ModerationAction.banUser, targetUserId: { in: users.map((u) => u.id) } },
    orderBy: { createdAt: "desc" },
    select: { targetUserId: true, reason: true },
  });
  const firstBy = <T, K>(rows: T[], key: (row: T) => K) => {
    const map = new Map<K, T>();
    for (const row of rows) if (!map.has(key(row))) map.set(key(row), row);
    return map;
  };
  const visitorNames = firstBy(events, (e) => e.targetVisitorKey);
  const reasons = firstBy(userReasons, (e) => e.targetUserId);
  const entries: BanEntry[] = [
    ...users.map((u) => ({ kind: "user" as const, target: u.id, label: `${u.name} (@${u.handle})`, reason: reasons.get(u.id)?.reason ?? null, since: u.bannedAt!.toISOString() })),
    ...visitors.map((v) => ({
      kind: "visitor" as const,
      target: v.visitorKey,
      label: `${visitorNames.get(v.visitorKey)?.comment?.anonName?.trim() || ANONYMOUS_NAME} (${visitorLabel(v.visitorKey)})`,
      reason: v.reason,
      since: v.createdAt.toISOString(),
    })),
  ];
  // Networks held for review after a poster's ban, each until its ban ends.
  entries.push(...(await networkBanEntries(db, limit)));
  return entries.sort((a, b) => b.since.localeCompare(a.since));
}
