// A summary of everything a request could write: row counts, and the counters, flags and
// timestamps that updates move. Equal summaries before and after a request mean it wrote nothing,
// which is what the authorization matrix asserts of every refused request, beyond the one row
// each case checks for itself.
import { getDb } from "../../lib/db";

export type Fingerprint = Record<string, string>;

export async function databaseFingerprint(): Promise<Fingerprint> {
  const db = getDb();
  const parts = await Promise.all([
    db.user.aggregate({ _count: { _all: true, bannedAt: true, deletedAt: true }, _max: { updatedAt: true }, _sum: { credits: true } }),
    db.session.count(),
    db.account.count(),
    db.article.aggregate({ _count: { _all: true }, _max: { updatedAt: true }, _sum: { commentCount: true } }),
    db.articleRedirect.count(),
    db.articleTag.count(),
    db.tag.count(),
    db.comment.aggregate({
      _count: { _all: true, editedAt: true, deletedAt: true, removedReason: true },
      _sum: { insightfulCount: true, funnyCount: true, flagWeight: true, flagWeightApproved: true },
    }),
    db.comment.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } }),
    db.vote.count(),
    db.flag.count(),
    db.spotlight.count(),
    db.creditTransaction.count(),
    db.moderationEvent.count(),
    db.visitorBan.count(),
    db.setting.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.newsletterSubscriber.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } }),
    db.rateLimitSlot.count(),
  ]);
  const names = [
    "users", "sessions", "accounts", "articles", "articleRedirects", "articleTags", "tags", "comments", "commentStatuses",
    "votes", "flags", "spotlights", "creditTransactions", "moderationEvents", "visitorBans", "settings", "subscribers", "rateLimitSlots",
  ];
  const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return Object.fromEntries(names.map((name, i) => [name, json(parts[i])]));
}

/** The parts of the database that differ between two fingerprints. */
export function changedParts(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(before).filter((key) => before[key] !== after[key]);
}
