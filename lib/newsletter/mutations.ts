// Subscribing with double opt-in, confirming and unsubscribing. Whoever knows a token is the
// mailbox's owner as far as this code is concerned: no session is involved.
import "server-only";
import { networkKeyOf } from "../request";
import { randomBytes } from "node:crypto";
import { getDb, isUniqueViolation } from "../db";
import { FieldError, RateLimitedError, retryInWords } from "../errors";
import { sendMail } from "../mail/send";
import { takeSlots } from "../rate-limit";
import { alreadySubscribedMail, confirmationMail } from "./mails";
import { NewsletterToken, type SubscribeInput } from "./schemas";

const HOUR = 60 * 60_000;
// An IP may start a handful of sign-ups an hour (a shared office network gets some room); an
// address gets few mails an hour however many IPs ask, so nobody can flood a stranger's inbox.
// Per network too (IPv4 /24, IPv6 /64), more loosely: neighbours share it, a script hopping
// addresses inside one network does not get ten more each time.
export const SIGNUP_LIMITS = { perIp: 10, perNetwork: 30, perAddress: 3, windowMs: HOUR };

const newToken = () => randomBytes(32).toString("base64url");

/**
 * Starts (or restarts) a subscription: a new or pending or unsubscribed address becomes pending
 * with fresh tokens and gets a confirmation link. An address that is already confirmed gets a
 * short "you're already subscribed" mail instead, and its tokens stay as they are (links in
 * earlier digests keep working). Either way the caller answers the form with the same words and
 * a mail goes out, so neither the answer nor its timing tells a stranger who is subscribed, and
 * the owner of a confirmed address learns why no confirmation came.
 */
export async function subscribe(caller: { ip: string }, input: SubscribeInput): Promise<void> {
  const { perIp, perNetwork, perAddress, windowMs } = SIGNUP_LIMITS;
  const decision = await takeSlots([
    { key: `newsletter:ip:${caller.ip}`, limit: perIp, windowMs },
    { key: `newsletter:net:${networkKeyOf(caller.ip)}`, limit: perNetwork, windowMs },
    { key: `newsletter:address:${input.email}`, limit: perAddress, windowMs },
  ]);
  if (!decision.allowed) {
    throw new RateLimitedError(`Too many sign-ups in a short time. Please ${retryInWords(decision.retryAfterMs)}.`, decision.retryAfterMs);
  }
  const message = await prepareSubscription(input.email);
  try {
    await sendMail(message);
  } catch (error) {
    console.error(`[newsletter] could not send mail to a subscriber: ${(error as Error).message}`);
    throw new FieldError(undefined, "We could not send the mail just now. Please try again in a few minutes.");
  }
}

/** Writes the subscriber row and returns the mail to send. */
async function prepareSubscription(email: string) {
  const db = getDb();
  // Two attempts: a concurrent sign-up for the same new address may create the row first.
  for (let attempt = 0; ; attempt++) {
    const existing = await db.newsletterSubscriber.findUnique({ where: { email }, select: { status: true, unsubscribeToken: true } });
    if (existing?.status === "confirmed") return alreadySubscribedMail(email, existing.unsubscribeToken);
    const tokens = { confirmToken: newToken(), unsubscribeToken: newToken() };
    if (existing) {
      // Guarded by status: a confirmation landing in between must not be turned back into pending.
      const { count } = await db.newsletterSubscriber.updateMany({
        where: { email, status: { not: "confirmed" } },
        data: { ...tokens, status: "pending", confirmedAt: null },
      });
      if (count === 1) return confirmationMail(email, tokens);
    } else {
      try {
        await db.newsletterSubscriber.create({ data: { email, ...tokens } });
        return confirmationMail(email, tokens);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt > 0) throw error;
      }
    }
    if (attempt > 0) throw new Error(`newsletter: the subscription of ${email} kept changing under us`);
  }
}

export type ConfirmOutcome = "confirmed" | "unsubscribed" | "invalid";

/**
 * Confirms a pending subscription. Opening the link again answers "confirmed" again; a link from
 * before an unsubscribe does not subscribe anyone back (that needs a new sign-up and a new link).
 */
export async function confirmSubscription(token: string): Promise<ConfirmOutcome> {
  if (!NewsletterToken.safeParse(token).success) return "invalid";
  const db = getDb();
  const { count } = await db.newsletterSubscriber.updateMany({
    where: { confirmToken: token, status: "pending" },
    data: { status: "confirmed", confirmedAt: new Date() },
  });
  if (count === 1) return "confirmed";
  const row = await db.newsletterSubscriber.findUnique({ where: { confirmToken: token }, select: { status: true } });
  if (!row) return "invalid";
  return row.status === "confirmed" ? "confirmed" : row.status === "unsubscribed" ? "unsubscribed" : "invalid";
}

/** Unsubscribes the token's address; doing it twice is fine. False for an unknown token. */
export async function unsubscribe(token: string): Promise<boolean> {
  if (!NewsletterToken.safeParse(token).success) return false;
  const db = getDb();
  const { count } = await db.newsletterSubscriber.updateMany({
    where: { unsubscribeToken: token, status: { not: "unsubscribed" } },
    data: { status: "unsubscribed" },
  });
  if (count === 1) return true;
  return (await db.newsletterSubscriber.count({ where: { unsubscribeToken: token } })) === 1;
}
