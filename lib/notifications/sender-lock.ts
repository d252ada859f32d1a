// A sender's hold on one recipient (MailLock key "u:<userId>" or "m:<mailAddressId>"), taken by a
// conditional write so that two instances, or two `npm run notifications:send` runs, never mail
// the same person at once. The hold is a lease: a sender killed while holding it blocks that
// recipient only until it lapses.
import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, isUniqueViolation } from "../db";
import { SENDER_LEASE_MS } from "./mail-policy";

async function take(key: string, token: string, now: Date): Promise<boolean> {
  const db = getDb();
  const lockedUntil = new Date(now.getTime() + SENDER_LEASE_MS);
  // A lapsed hold (its sender finished without releasing, or died) is taken over in place.
  const { count } = await db.mailLock.updateMany({ where: { key, lockedUntil: { lt: now } }, data: { token, lockedUntil } });
  if (count === 1) return true;
  try {
    await db.mailLock.create({ data: { key, token, lockedUntil } });
    return true;
  } catch (error) {
    // Another sender holds it (the row exists and has not lapsed): leave this recipient to it.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Runs `work` holding the recipient's lock; false (and nothing run) when another sender holds it. */
export async function withMailLock(key: string, now: Date, work: () => Promise<void>): Promise<boolean> {
  const token = randomUUID();
  if (!(await take(key, token, now))) return false;
  try {
    await work();
  } finally {
    // Only our own hold: had it lapsed and been taken over, the new holder keeps it.
    await getDb().mailLock.deleteMany({ where: { key, token } });
  }
  return true;
}
