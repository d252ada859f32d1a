// The private token of a member's replies feed: made by "Create my feed address", replaced by
// "Make a new address" (the old URL stops working at once: the column holds one token).
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "../db";

const newToken = () => randomBytes(32).toString("base64url");

export async function getRepliesFeedToken(userId: string): Promise<string | null> {
  return (await getDb().user.findUnique({ where: { id: userId }, select: { repliesFeedToken: true } }))?.repliesFeedToken ?? null;
}

/** Makes the token if there is none (two clicks at once agree on the first), and returns it. */
export async function ensureRepliesFeedToken(userId: string): Promise<string> {
  const db = getDb();
  await db.user.updateMany({ where: { id: userId, repliesFeedToken: null }, data: { repliesFeedToken: newToken() } });
  return (await getRepliesFeedToken(userId))!;
}

/** A new token in place of the old one. */
export async function regenerateRepliesFeedToken(userId: string): Promise<string> {
  const token = newToken();
  await getDb().user.update({ where: { id: userId }, data: { repliesFeedToken: token } });
  return token;
}
