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

/** What decides who hears of a comment: passed in by the post path, which has just written it. */
export type NewComment = { id: string; articleId: string; parentId: string | null; authorId: string | null; anonEmail: string | null };

async function visibleComment(tx: Tx, commentId: string): Promise<NewComment | null> {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { id: true, articleId: true, parentId: true, authorId: true, anonEmail: true, status: true, deletedAt: true },
  });
  return comment && comment.status === "published" && !comment.deletedAt ? comment : null;
}

/** `commentOrId`: a comment known to be published (just posted), or the id of one to read. */
type FollowRow = {
  followerKey: string;
  target: string;
  userId: string | null;
  mailAddressId: string | null;
  user: { deletedAt: Date | null } | null;
  mailAddress: { email: string; confirmedAt: Date | null; stoppedAt: Date | null } | null;
};

// The follows of these targets with their members and addresses. Asked as one query with its
// relations, Prisma sends a query per relation even when there is no follow at all (most new
// comments): the relations are read only when there is someone to read them for.
async function followsOf(tx: Tx, targets: string[]): Promise<FollowRow[]> {
  const rows = await tx.follow.findMany({
    where: { target: { in: targets } },
    select: { followerKey: true, target: true, userId: true, mailAddressId: true },
    orderBy: { createdAt: "asc" },
  });
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const addressIds = [...new Set(rows.flatMap((r) => (r.mailAddressId ? [r.mailAddressId] : [])))];
  const [users, addresses] = await Promise.all([
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, deletedAt: true } }) : [],
    addressIds.length ? tx.mailAddress.findMany({ where: { id: { in: addressIds } }, select: { id: true, email: true, confirmedAt: true, stoppedAt: true } }) : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, { deletedAt: u.deletedAt }]));
  const addressById = new Map(addresses.map(({ id, ...a }) => [id, a]));
  return rows.map((r) => ({ ...r, user: r.userId ? (userById.get(r.userId) ?? null) : null, mailAddress: r.mailAddressId ? (addressById.get(r.mailAddressId) ?? null) : null }));
}

export async function recipientsOfComment(tx: Tx, commentOrId: string | NewComment): Promise<{ articleId: string; list: Recipient[] } | null> {
  const comment = typeof commentOrId === "string" ? await visibleComment(tx, commentOrId) : commentOrId;
  if (!comment) return null;
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
  const follows = await followsOf(tx, targets);
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
