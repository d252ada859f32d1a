import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import { commentViewSelect, hiddenTitlesOf, toView } from "../comments/queries";
import type { CommentView } from "../comments/types";
import { getDb } from "../db";
import { getSettings } from "../settings/queries";
import { weekEnd, weekStart, type IsoWeek } from "./weeks";

export const BEST_LIMIT = 10;

export type BestKind = "insightful" | "funny";

/** A comment as the thread shows it, plus where it lives and the trusted weight that ranked it. */
export type BestComment = CommentView & { article: { title: string; slug: string }; permalink: string; count: number };

export type BestOfWeek = { week: IsoWeek; insightful: BestComment[]; funny: BestComment[] };

// Ranked by what trusted voices add up to (lib/trust), never by the raw number of ratings:
// ratings that weigh nothing must not move a comment up, even among equals.
const weight = { insightful: "insightfulWeight", funny: "funnyWeight" } as const;

const select = { ...commentViewSelect, article: { select: { title: true, slug: true, authorId: true } } } as const;

async function topComments(kind: BestKind, week: IsoWeek, thresholds: { insightful: number; funny: number }, limit: number): Promise<BestComment[]> {
  const field = weight[kind];
  const rows = await getDb().comment.findMany({
    // A comment belongs to the week it was written in, however late its ratings came. Only what
    // every reader sees in the thread qualifies: never pending, hidden, removed or deleted ones.
    where: {
      createdAt: { gte: weekStart(week), lt: weekEnd(week) },
      status: "published",
      deletedAt: null,
      [field]: { gte: 1 },
      article: visibleArticleWhere(),
    },
    orderBy: [{ [field]: "desc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }],
    take: limit,
    select,
  });
  const hiddenTitles = await hiddenTitlesOf(rows.map((r) => r.articleId));
  return rows.map((row) => ({
    ...toView(row, thresholds, undefined, hiddenTitles.get(row.articleId)),
    article: { title: row.article.title, slug: row.article.slug },
    permalink: `/comments/${row.id}`,
    count: row[field],
  }));
}

/** The most insightful and the funniest comments written in a week, at most `limit` of each. */
export async function getBestOfWeek(week: IsoWeek, limit = BEST_LIMIT): Promise<BestOfWeek> {
  const settings = await getSettings();
  const thresholds = { insightful: settings.insightfulBadgeThreshold, funny: settings.funnyBadgeThreshold };
  const [insightful, funny] = await Promise.all([
    topComments("insightful", week, thresholds, limit),
    topComments("funny", week, thresholds, limit),
  ]);
  return { week, insightful, funny };
}
