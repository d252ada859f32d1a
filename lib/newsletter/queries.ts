import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { excerptOf } from "../markdown/render";
import { NewsletterToken } from "./schemas";

export type SubscriptionSummary = { status: "pending" | "confirmed" | "unsubscribed"; maskedEmail: string };

/** "ad…@example.com": enough for the owner to recognise the address, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, Math.min(2, Math.max(1, at - 1)))}…${email.slice(at)}`;
}

/** What the unsubscribe page shows for a token; null for an unknown one. */
export async function getSubscriptionByUnsubscribeToken(token: string): Promise<SubscriptionSummary | null> {
  if (!NewsletterToken.safeParse(token).success) return null;
  const row = await getDb().newsletterSubscriber.findUnique({ where: { unsubscribeToken: token }, select: { status: true, email: true } });
  return row ? { status: row.status, maskedEmail: maskEmail(row.email) } : null;
}

export type DigestArticle = { slug: string; title: string; dept: string; excerpt: string; authorName: string; publishedAt: Date };

/** The articles published in [start, end) that readers can see now, newest first (as on the site). */
export async function listDigestArticles(start: Date, end: Date, now = new Date()): Promise<DigestArticle[]> {
  const rows = await getDb().article.findMany({
    where: { ...visibleArticleWhere(now), publishedAt: { gte: start, lt: end, lte: now } },
    select: { slug: true, title: true, dept: true, body: true, excerpt: true, publishedAt: true, author: { select: { name: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    dept: r.dept,
    excerpt: r.excerpt?.trim() || excerptOf(r.body),
    authorName: r.author.name,
    publishedAt: r.publishedAt ?? start,
  }));
}

export type DigestRecipient = { id: string; email: string; unsubscribeToken: string };

/** Confirmed subscribers the issue has not been delivered to (nor claimed for), a batch at a time. */
export function listUndeliveredSubscribers(issueId: string, afterId: string | null, take: number): Promise<DigestRecipient[]> {
  return getDb().newsletterSubscriber.findMany({
    where: { status: "confirmed", deliveries: { none: { issueId } }, ...(afterId ? { id: { gt: afterId } } : {}) },
    select: { id: true, email: true, unsubscribeToken: true },
    orderBy: { id: "asc" },
    take,
  });
}
