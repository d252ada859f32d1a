// Email verification: the link mailed at registration (and by "Send the link again" in settings)
// proves the member reads the address they gave; until then lib/trust counts them as new. Like a
// password reset link, only the token's hash is stored, and a link works once, for
// VERIFY_LINK_HOURS, and only the newest one.
import { getDb, type Tx } from "../db";
import { FieldError, NotFoundError, RateLimitedError, retryInWords } from "../errors";
import { takeSlots } from "../rate-limit";
import { RESEND_LIMIT, VERIFY_LINK_HOURS } from "../users/registration-limits";
import { verificationMail } from "./email-verification-mails";
import { hashToken, newMailedToken, sendAccountMail } from "./mailed-token";
import { VerificationToken } from "./schemas";
import type { Viewer } from "./viewer";

export const ALREADY_VERIFIED = "Your email address is already verified.";

/** When a link made now stops working. */
export const verificationExpiry = (now = Date.now()) => new Date(now + VERIFY_LINK_HOURS * 3_600_000);

/** A new link for the member, replacing any unused one. Returns the token (stored only hashed). */
export async function issueVerificationToken(userId: string): Promise<string> {
  const { token, tokenHash } = newMailedToken();
  const db = getDb();
  await db.$transaction([
    db.emailVerification.deleteMany({ where: { userId, usedAt: null } }),
    db.emailVerification.create({ data: { userId, tokenHash, expiresAt: verificationExpiry() } }),
  ]);
  return token;
}

export type VerifyOutcome = "verified" | "already-verified" | "dead";

/** A link that can still be used: not used, not expired, its account not deleted. */
const liveLink = (tokenHash: string, now: Date) => ({ tokenHash, usedAt: null, expiresAt: { gt: now }, user: { is: { deletedAt: null } } });

/**
 * Marks the address verified if the link is live, using the link up: of two requests racing with
 * one link, exactly one verifies. Opening a used link again is not an error (mail scanners open
 * links before people do), it just says the address is verified.
 */
export async function verifyEmail(token: string): Promise<VerifyOutcome> {
  if (!VerificationToken.safeParse(token).success) return "dead";
  const tokenHash = hashToken(token);
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.emailVerification.updateMany({ where: liveLink(tokenHash, now), data: { usedAt: now } });
    if (count !== 1) return (await wasUsedToVerify(tx, tokenHash)) ? "already-verified" : "dead";
    const { userId } = await tx.emailVerification.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await tx.emailVerification.deleteMany({ where: { userId, usedAt: null } });
    return "verified";
  });
}

async function wasUsedToVerify(tx: Tx, tokenHash: string): Promise<boolean> {
  const row = await tx.emailVerification.findUnique({ where: { tokenHash }, select: { usedAt: true, user: { select: { emailVerifiedAt: true, deletedAt: true } } } });
  return Boolean(row?.usedAt && row.user.emailVerifiedAt && !row.user.deletedAt);
}

/** "Send the link again": a fresh link to the member's own address, a few times an hour. */
export async function resendVerification(viewer: Viewer): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: viewer.id }, select: { email: true, emailVerifiedAt: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new NotFoundError();
  if (user.emailVerifiedAt) throw new FieldError(undefined, ALREADY_VERIFIED);
  const decision = await takeSlots([{ key: `verify-resend:member:${viewer.id}`, ...RESEND_LIMIT }]);
  if (!decision.allowed) {
    throw new RateLimitedError(`Too many new links in a short time. Please ${retryInWords(decision.retryAfterMs)}.`, decision.retryAfterMs);
  }
  await sendAccountMail(verificationMail(user.email, await issueVerificationToken(viewer.id)), "email-verification");
}
