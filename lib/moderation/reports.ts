// The "Reported" view: every comment with a flag no moderator has judged yet, newest flag first,
// with who flagged it and why. Flags from anonymous and new voices, or from one crowded network,
// may add nothing toward hiding (lib/trust), so this is how they still reach a person.
import { createHash } from "node:crypto";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import type { FlagReasonMix } from "../comments/types";
import { getDb } from "../db";
import { renderMarkdown } from "../markdown/render";
import { pageCount, type Page } from "../pagination";
import { authorOf, queueSelect } from "./queries";
import type { QueueAuthor } from "./types";
import { visitorLabel } from "./visitor-label";

export const REPORTS_PER_PAGE = 25;

export type ReportFlag = { id: string; reason: keyof FlagReasonMix; trust: string; flagger: string; network: string; weight: number; createdAt: string };

export type ReportItem = {
  id: string;
  subject: string;
  bodyHtml: string;
  author: QueueAuthor;
  article: { title: string; slug: string };
  status: "published" | "hidden" | "pending" | "removed";
  hiddenBy: "community" | "moderator" | null;
  flagWeight: number;
  flagWeightApproved: number;
  flags: ReportFlag[];
  /** Open flags by the flagger's trust level, e.g. { anonymous: 3, established: 1 }. */
  byTrust: Record<string, number>;
  networks: number;
  reasons: FlagReasonMix;
};

/** A short stable name for a network, so a moderator sees which flags share one without its address. */
export const networkLabel = (network: string | null) =>
  network ? `network ${createHash("sha256").update(`network-label:${network}`).digest("hex").slice(0, 6)}` : "network unknown";

export async function listReported(viewer: Viewer | null, page = 1, perPage = REPORTS_PER_PAGE): Promise<Page<ReportItem>> {
  requireRole(viewer, "moderator", "This page is for moderators.");
  const db = getDb();
  const open = { verdict: null, comment: { deletedAt: null } };
  const [total, groups] = await Promise.all([
    db.comment.count({ where: { deletedAt: null, flags: { some: { verdict: null } } } }),
    db.flag.groupBy({ by: ["commentId"], where: open, _max: { createdAt: true }, orderBy: [{ _max: { createdAt: "desc" } }, { commentId: "desc" }], skip: (page - 1) * perPage, take: perPage }),
  ]);
  const ids = groups.map((g) => g.commentId);
  const [rows, flags] = await Promise.all([
    db.comment.findMany({ where: { id: { in: ids } }, select: queueSelect }),
    db.flag.findMany({
      where: { commentId: { in: ids }, verdict: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, commentId: true, reason: true, trust: true, weight: true, network: true, voterKey: true, createdAt: true, user: { select: { name: true, handle: true } } },
    }),
  ]);
  const anonKeys = rows.flatMap((r) => (!r.author && r.visitorKey ? [r.visitorKey] : []));
  const bans = await db.visitorBan.findMany({ where: { visitorKey: { in: anonKeys } }, select: { visitorKey: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const banned = new Set(bans.map((b) => b.visitorKey));
  const items = ids.flatMap((id): ReportItem[] => {
    const r = byId.get(id);
    if (!r) return [];
    const mine = flags.filter((f) => f.commentId === id);
    const reasons: FlagReasonMix = { abusive: 0, trolling: 0, spam: 0 };
    const byTrust: Record<string, number> = {};
    for (const f of mine) {
      reasons[f.reason]++;
      byTrust[f.trust] = (byTrust[f.trust] ?? 0) + 1;
    }
    return [
      {
        id: r.id,
        subject: r.subject,
        bodyHtml: renderMarkdown(r.body, "comment"),
        author: authorOf(r, banned),
        article: r.article,
        status: r.status,
        hiddenBy: r.status !== "hidden" ? null : r.hiddenBy === "moderator" ? "moderator" : "community",
        flagWeight: r.flagWeight,
        flagWeightApproved: r.flagWeightApproved,
        flags: mine.map((f) => ({
          id: f.id,
          reason: f.reason,
          trust: f.trust,
          flagger: f.user ? `${f.user.name} (@${f.user.handle})` : visitorLabel(f.voterKey.replace(/^v:/, "")),
          network: networkLabel(f.network),
          weight: f.weight,
          createdAt: f.createdAt.toISOString(),
        })),
        byTrust,
        networks: new Set(mine.map((f) => f.network ?? f.id)).size,
        reasons,
      },
    ];
  });
  return { items, total, page, totalPages: pageCount(total, perPage) };
}
