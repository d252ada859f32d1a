// Anonymous posters who tick "Email me when someone replies": their address becomes a
// MailAddress that follows the thread of their new comment. Nothing is mailed about replies
// until the address is confirmed (lib/notifications/outbox.ts only notifies confirmed,
// unstopped addresses); the first time, one confirmation mail is sent.
import "server-only";
import { randomBytes } from "node:crypto";
import { after } from "next/server";
import { getDb, isUniqueViolation } from "../db";
import { insertFollow } from "../follows/mutations";
import { addressKey, targetKey } from "../follows/keys";
import { sendMail } from "../mail/send";
import { takeSlots } from "../rate-limit";
import { addressConfirmationMail } from "./address-mail";

const HOUR = 60 * 60_000;
// However many comments name an address, it gets at most this many confirmation mails an hour.
export const CONFIRM_MAIL_LIMIT = { perAddress: 3, windowMs: HOUR };

const newToken = () => randomBytes(32).toString("base64url");
const addressSelect = { id: true, email: true, confirmToken: true, unsubscribeToken: true, confirmedAt: true, stoppedAt: true } as const;

/** The address's row, created on first use (a concurrent creation is read back). */
export async function findOrCreateMailAddress(rawEmail: string) {
  const db = getDb();
  const email = rawEmail.trim().toLowerCase();
  const existing = await db.mailAddress.findUnique({ where: { email }, select: addressSelect });
  if (existing) return existing;
  try {
    return await db.mailAddress.create({ data: { email, confirmToken: newToken(), unsubscribeToken: newToken() }, select: addressSelect });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.mailAddress.findUniqueOrThrow({ where: { email }, select: addressSelect });
  }
}

export type ReplyMailRequest = { email: string; articleId: string; commentId: string };
export type ReplyMailOutcome = "following" | "confirmation-sent" | "rate-limited" | "stopped";

/**
 * Makes the address follow the new comment's thread and, when it is not confirmed yet (and was
 * never stopped), sends the confirmation mail, rate-limited per address. Throws when SMTP fails
 * (the caller logs it: the comment is posted either way).
 */
export async function requestReplyMail(req: ReplyMailRequest, now = Date.now()): Promise<ReplyMailOutcome> {
  const address = await findOrCreateMailAddress(req.email);
  await insertFollow({ followerKey: addressKey(address.id), target: targetKey(req.articleId, req.commentId), articleId: req.articleId, commentId: req.commentId, mailAddressId: address.id });
  if (address.stoppedAt) return "stopped";
  if (address.confirmedAt) return "following";
  const slot = await takeSlots([{ key: `confirm-address:${address.id}`, limit: CONFIRM_MAIL_LIMIT.perAddress, windowMs: CONFIRM_MAIL_LIMIT.windowMs }], now);
  if (!slot.allowed) return "rate-limited";
  await sendMail(addressConfirmationMail(address));
  return "confirmation-sent";
}

/** requestReplyMail for the comment form: a failure is logged, never the poster's problem. */
export async function requestReplyMailQuietly(req: ReplyMailRequest): Promise<void> {
  try {
    await requestReplyMail(req);
  } catch (error) {
    console.error(`[notifications] could not set up reply mail for an anonymous poster: ${(error as Error).message}`);
  }
}

/**
 * For the post path: the follow and the mail once the poster has their answer, so a slow or
 * failing mail server never holds up (or fails) the comment. Outside a request, at once.
 */
export async function requestReplyMailAfterResponse(req: ReplyMailRequest): Promise<void> {
  try {
    after(() => requestReplyMailQuietly(req));
  } catch {
    await requestReplyMailQuietly(req);
  }
}
