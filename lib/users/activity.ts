import { badgesFor, type Badges } from "../comments/badges";
import { withPublicSubjects } from "../comments/queries";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { excerptOf } from "../markdown/render";
import { pageCount, type Page } from "../pagination";
import { getSettings } from "../settings/queries";

export type MemberComment = { id: string; subject: string; excerpt: string; createdAt: string; article: { slug: string; title: string }; badges: Badges };
export type MemberStats = { comments: number; insightfulRatings: number; funnyRatings: number; insightfulBadges: number; funnyBadges: number };

export const COMMENTS_PER_PAGE = 20;

// Only what any reader can see counts: public comments on public articles.
const publicComments = (authorId: string) => ({
  authorId,
  status: { in: ["published" as const, "hidden" as const] },
  deletedAt: null,
  article: visibleArticleWhere(),
});

export async function listMemberComments(authorId: string, page: number): Promise<Page<MemberComment>> {
  const db = getDb();
  const where = publicComments(authorId);
  const [total, rows, settings] = await Promise.all([
    db.comment.count({ where: { ...where, status: "published" } }),
    db.comment.findMany({
      where: { ...where, status: "published" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * COMMENTS_PER_PAGE,
      take: COMMENTS_PER_PAGE,
      select: { id: true, articleId: true, subject: true, body: true, createdAt: true, insightfulCount: true, insightfulWeight: true, funnyWeight: true, funnyCount: true, article: { select: { slug: true, title: true } } },
    }),
    getSettings(),
  ]);
  return {
    total,
    page,
    totalPages: pageCount(total, COMMENTS_PER_PAGE),
    // A reply's "Re:" must not repeat the title of a comment hidden since.
    items: (await withPublicSubjects(rows, (c) => c.articleId)).map((c) => ({ id: c.id, subject: c.subject, excerpt: excerptOf(c.body, 200), createdAt: c.createdAt.toISOString(), article: c.article, badges: badgesFor(c, settings) })),
  };
}

export async function getMemberStats(authorId: string): Promise<MemberStats> {
  const db = getDb();
  const where = publicComments(authorId);
  const settings = await getSettings();
  const [sums, insightfulBadges, funnyBadges] = await Promise.all([
    db.comment.aggregate({ where, _count: { _all: true }, _sum: { insightfulCount: true, insightfulWeight: true, funnyWeight: true, funnyCount: true } }),
    db.comment.count({ where: { ...where, insightfulWeight: { gte: settings.insightfulBadgeThreshold } } }),
    db.comment.count({ where: { ...where, funnyWeight: { gte: settings.funnyBadgeThreshold } } }),
  ]);
  return {
    comments: sums._count._all,
    insightfulRatings: sums._sum.insightfulCount ?? 0,
    funnyRatings: sums._sum.funnyCount ?? 0,
    insightfulBadges,
    funnyBadges,
  };
}
