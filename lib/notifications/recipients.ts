// Who hears of a new comment: the member it answers, and whoever follows the discussion or a
// thread the comment sits in (the comments above it). Each person once, with the most specific
// reason ("replied to you" beats "new in a thread you follow"), never the comment's own poster.
import type { Tx } from "../db";

export type Recipient = { to: { userId: string } | { mailAddressId: string }; kind: "reply" | "followed" };

// Threads are never deeper than this in practice (the reply form stops offering replies long
// before); the walk up stops here so a damaged tree cannot loop.
const MAX_ANCESTORS = 64;

type Ancestor = { id: string; authorId: string | null };

async function ancestorsOf(tx: Tx, parentId: string | null): Promise<Ancestor[]> {
  const chain: Ancestor[] = [];
  for (let id = parentId; id && chain.length < MAX_ANCESTORS; ) {
    const row = await tx.comment.findUnique({ where: { id }, select: { id: true, parentId: true, authorId: true } });
    if (!row) break;
    chain.push({ id: row.id, authorId: row.authorId });
    id = row.parentId;
  }
  return chain;
}

export async function recipientsOfComment(tx: Tx, commentId: string): Promise<{ articleId: string; list: Recipient[] } | null> {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { articleId: true, parentId: true, authorId: true, anonEmail: true, status: true, deletedAt: true },
  });
  if (!comment || comment.status !== "published" || comment.deletedAt) return null;
  const ancestors = await ancestorsOf(tx, comment.parentId);
  const posterKey = comment.authorId ? `u:${comment.authorId}` : null;
  const posterEmail = comment.anonEmail?.toLowerCase() ?? null;
  const list: Recipient[] = [];
  const seen = new Set<string>(posterKey ? [posterKey] : []);

  const parentAuthor = ancestors[0]?.authorId;
  if (parentAuthor && !seen.has(`u:${parentAuthor}`)) {
    const member = await tx.user.findUnique({ where: { id: parentAuthor }, select: { deletedAt: true } });
    if (member && !member.deletedAt) list.push({ to: { userId: parentAuthor }, kind: "reply" });
    seen.add(`u:${parentAuthor}`);
  }

  const targets = [`article:${comment.articleId}`, ...ancestors.map((a) => `comment:${a.id}`)];
  const follows = await tx.follow.findMany({
    where: { target: { in: targets } },
    select: {
      followerKey: true,
      target: true,
      userId: true,
      mailAddressId: true,
      user: { select: { deletedAt: true } },
      mailAddress: { select: { email: true, confirmedAt: true, stoppedAt: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const parentTarget = ancestors[0] ? `comment:${ancestors[0].id}` : null;
  for (const f of follows) {
    if (seen.has(f.followerKey)) continue;
    seen.add(f.followerKey);
    if (f.userId) {
      if (f.user?.deletedAt) continue;
      list.push({ to: { userId: f.userId }, kind: "followed" });
    } else if (f.mailAddressId && f.mailAddress) {
      const address = f.mailAddress;
      // An address is written to only once its owner confirmed it, and never after they stopped it.
      if (!address.confirmedAt || address.stoppedAt || address.email === posterEmail) continue;
      // An anonymous poster follows their own comment's thread: an answer to it is a reply to them.
      list.push({ to: { mailAddressId: f.mailAddressId }, kind: f.target === parentTarget ? "reply" : "followed" });
    }
  }
  return { articleId: comment.articleId, list };
}
