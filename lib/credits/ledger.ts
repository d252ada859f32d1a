// Credits: every change is a ledger row with a reason, written in the same transaction as the
// balance it moves. A spend is a conditional decrement (balance >= cost), so concurrent spends
// can never take a balance below zero.
import { getDb, type Tx } from "../db";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { NotEnoughCreditsError, NotFoundError } from "../errors";

export type { Tx } from "../db";

/** Adds credits (a grant or a refund). */
export async function addCredits(tx: Tx, userId: string, amount: number, reason: string, actorId: string | null): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { credits: { increment: amount } } });
  await tx.creditTransaction.create({ data: { userId, delta: amount, reason, actorId } });
}

/** Takes credits, or throws NotEnoughCreditsError and changes nothing. */
export async function spendCredits(tx: Tx, userId: string, cost: number, reason: string): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id: userId, credits: { gte: cost } }, data: { credits: { decrement: cost } } });
  if (count === 0) {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } });
    throw new NotEnoughCreditsError(user.credits, cost);
  }
  await tx.creditTransaction.create({ data: { userId, delta: -cost, reason, actorId: userId } });
}

/**
 * An admin's grant (or, negative, a correction that may not take the balance below zero),
 * recorded in the ledger and in the moderation log like every admin decision.
 */
export async function grantCredits(actor: Viewer | "cli", userId: string, amount: number, reason: string): Promise<number> {
  if (actor !== "cli") requireRole(actor, "admin", "Only administrators can grant credits.");
  const actorId = actor === "cli" ? null : actor.id;
  return getDb().$transaction(async (tx) => {
    if (!(await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true } }))) throw new NotFoundError("No such member.");
    if (amount < 0) await spendCredits(tx, userId, -amount, reason);
    else await addCredits(tx, userId, amount, reason, actorId);
    const signed = amount > 0 ? `+${amount}` : String(amount);
    await tx.moderationEvent.create({
      data: { actorId, action: "user.credits", targetUserId: userId, reason: `${signed} credits: ${reason}${actor === "cli" ? " (command line)" : ""}` },
    });
    return (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } })).credits;
  });
}

export async function getBalance(userId: string): Promise<number> {
  return (await getDb().user.findUnique({ where: { id: userId }, select: { credits: true } }))?.credits ?? 0;
}

export type CreditEntry = { id: string; delta: number; reason: string; createdAt: string };

export async function creditHistory(userId: string, limit = 50): Promise<{ balance: number; entries: CreditEntry[] }> {
  const db = getDb();
  const [user, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } }),
    db.creditTransaction.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: { id: true, delta: true, reason: true, createdAt: true } }),
  ]);
  return { balance: user.credits, entries: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
