// The token in every notification mail: a member's notifyToken (made on first use) or an
// anonymous address's unsubscribeToken. Whoever holds it may stop the mail it came with: a
// member's notification mail (mode "never"; the bell keeps working), or all mail to an address.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getDb } from "../db";
import { maskEmail } from "../newsletter/queries";

export const NotifyToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

const newToken = () => randomBytes(32).toString("base64url");

/** The member's unsubscribe token, made the first time a mail needs one. */
export async function memberNotifyToken(userId: string): Promise<string> {
  const db = getDb();
  const read = () => db.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyToken: true } });
  const current = (await read()).notifyToken;
  if (current) return current;
  // Conditional: two senders making one at once agree on whichever was written first.
  await db.user.updateMany({ where: { id: userId, notifyToken: null }, data: { notifyToken: newToken() } });
  return (await read()).notifyToken!;
}

export type UnsubscribeTarget = { kind: "member" | "address"; stopped: boolean; maskedEmail: string };

/** What the unsubscribe page shows for a token; null for an unknown one. */
export async function getUnsubscribeTarget(token: string): Promise<UnsubscribeTarget | null> {
  if (!NotifyToken.safeParse(token).success) return null;
  const db = getDb();
  const member = await db.user.findUnique({ where: { notifyToken: token }, select: { email: true, notifyMailMode: true, deletedAt: true } });
  if (member && !member.deletedAt) return { kind: "member", stopped: member.notifyMailMode === "never", maskedEmail: maskEmail(member.email) };
  const address = await db.mailAddress.findUnique({ where: { unsubscribeToken: token }, select: { email: true, stoppedAt: true } });
  if (address) return { kind: "address", stopped: address.stoppedAt !== null, maskedEmail: maskEmail(address.email) };
  return null;
}

/** Stops the mail the token belongs to; idempotent. Null for an unknown token. */
export async function unsubscribeNotifications(token: string, now = new Date()): Promise<UnsubscribeTarget | null> {
  const target = await getUnsubscribeTarget(token);
  if (!target || target.stopped) return target;
  const db = getDb();
  if (target.kind === "member") await db.user.update({ where: { notifyToken: token }, data: { notifyMailMode: "never" } });
  else await db.mailAddress.updateMany({ where: { unsubscribeToken: token, stoppedAt: null }, data: { stoppedAt: now } });
  return { ...target, stopped: true };
}
