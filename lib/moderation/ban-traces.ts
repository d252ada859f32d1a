// The rest of an anonymous poster's ban: besides their visitor key (./bans.ts), the network the
// comment came from, held for review for NETWORK_BAN_DAYS, and the keyed hash of the email they
// gave. Both are found again through the ban's ModerationEvent (its comment keeps the network and
// the email), so lifting the visitor's ban lifts them too, unless another banned poster's ban
// still needs them. Called inside the ban's own transaction.
import type { Tx } from "../db";
import { emailBanHash, NETWORK_BAN_MS } from "./posting-bans";
import { ModerationAction, type BanEntry } from "./types";

/** Bans the network and the email of the anonymous comment `commentId`, from `now`. */
export async function banPosterTraces(tx: Tx, commentId: string, reason: string, now: Date): Promise<void> {
  const c = await tx.comment.findUnique({ where: { id: commentId }, select: { network: true, anonEmail: true } });
  if (c?.network) {
    const { network } = c;
    const current = await tx.networkBan.findUnique({ where: { network }, select: { expiresAt: true } });
    const expiresAt = new Date(now.getTime() + NETWORK_BAN_MS);
    // A ban still in force is extended and keeps its start; an expired one starts again.
    const start = current && current.expiresAt > now ? {} : { createdAt: now };
    await tx.networkBan.upsert({ where: { network }, create: { network, reason, expiresAt, createdAt: now }, update: { reason, expiresAt, ...start } });
  }
  if (c?.anonEmail) {
    const emailHash = emailBanHash(c.anonEmail);
    await tx.emailBan.upsert({ where: { emailHash }, create: { emailHash, reason, createdAt: now }, update: {} });
  }
}

/** After the visitor's own ban is deleted: lifts the network and email bans it brought. */
export async function liftPosterTraces(tx: Tx, visitorKey: string): Promise<void> {
  const bannedFrom = await tx.moderationEvent.findMany({
    where: { action: ModerationAction.banVisitor, targetVisitorKey: visitorKey },
    select: { comment: { select: { network: true, anonEmail: true } } },
  });
  const networks = new Set(bannedFrom.flatMap((e) => (e.comment?.network ? [e.comment.network] : [])));
  const emails = new Set(bannedFrom.flatMap((e) => (e.comment?.anonEmail ? [e.comment.anonEmail] : [])));
  if (networks.size + emails.size === 0) return;
  // Other posters banned over comments from the same network or with the same email.
  const others = await tx.moderationEvent.findMany({
    where: {
      action: ModerationAction.banVisitor,
      targetVisitorKey: { not: visitorKey },
      comment: { OR: [{ network: { in: [...networks] } }, { anonEmail: { in: [...emails] } }] },
    },
    select: { targetVisitorKey: true, comment: { select: { network: true, anonEmail: true } } },
  });
  const stillBanned = new Set(
    (await tx.visitorBan.findMany({ where: { visitorKey: { in: others.map((o) => o.targetVisitorKey!) } }, select: { visitorKey: true } })).map((b) => b.visitorKey),
  );
  for (const other of others) {
    if (!stillBanned.has(other.targetVisitorKey!)) continue;
    networks.delete(other.comment?.network ?? "");
    emails.delete(other.comment?.anonEmail ?? "");
  }
  await tx.networkBan.deleteMany({ where: { network: { in: [...networks] } } });
  await tx.emailBan.deleteMany({ where: { emailHash: { in: [...emails].map(emailBanHash) } } });
}

/** Networks held for review now, newest first, for the moderation page's ban list. */
export async function networkBanEntries(tx: Tx, limit: number, now = new Date()): Promise<BanEntry[]> {
  const rows = await tx.networkBan.findMany({ where: { expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((r) => ({ kind: "network", target: r.network, label: r.network, reason: r.reason, since: r.createdAt.toISOString(), until: r.expiresAt.toISOString() }));
}
