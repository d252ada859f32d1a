// "Forgot your password?": a mailed link with a one-time token, then a new password. Anyone may
// ask for any address (the answer never says whether an account uses it); only whoever can read
// that mailbox can finish. Finishing ends every session of the account and every other link.
import { networkKeyOf } from "../request";
import { getDb } from "../db";
import { NotFoundError, RateLimitedError, retryInWords } from "../errors";
import { takeSlots } from "../rate-limit";
import type { PasswordResetInput, PasswordResetRequestInput } from "../users/schemas";
import { clearSignInFailures } from "./credentials";
import { hashToken, newMailedToken, sendAccountMail } from "./mailed-token";
import { hashPassword } from "./password";
import { noAccountMail, resetMail } from "./password-reset-mails";
import { RESET_LINK_DEAD, RESET_LINK_MINUTES, RESET_REQUEST_LIMITS } from "./password-reset-limits";

/**
 * A new link for the member, replacing any earlier unused one (only the newest works, so an old
 * mail lying around is harmless). Returns the token, which is stored only as its hash.
 */
export async function issueResetToken(userId: string): Promise<string> {
  const { token, tokenHash } = newMailedToken();
  const db = getDb();
  await db.$transaction([
    db.passwordReset.deleteMany({ where: { userId, usedAt: null } }),
    db.passwordReset.create({ data: { userId, tokenHash, expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000) } }),
  ]);
  return token;
}

export async function requestPasswordReset(caller: { ip: string }, input: PasswordResetRequestInput): Promise<void> {
  const { perIp, perNetwork, perAddress, windowMs } = RESET_REQUEST_LIMITS;
  const decision = await takeSlots([
    { key: `password-reset:ip:${caller.ip}`, limit: perIp, windowMs },
    { key: `password-reset:net:${networkKeyOf(caller.ip)}`, limit: perNetwork, windowMs },
    { key: `password-reset:address:${input.email}`, limit: perAddress, windowMs },
  ]);
  if (!decision.allowed) {
    throw new RateLimitedError(`Too many reset requests in a short time. Please ${retryInWords(decision.retryAfterMs)}.`, decision.retryAfterMs);
  }
  const user = await getDb().user.findUnique({ where: { email: input.email }, select: { id: true, deletedAt: true } });
  const message = user && !user.deletedAt ? resetMail(input.email, await issueResetToken(user.id)) : noAccountMail(input.email);
  await sendAccountMail(message, "password-reset");
}

/** A link that can still be used: not used, not past its hour, its account not deleted. */
const liveLink = (token: string, now: Date) => ({ tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now }, user: { is: { deletedAt: null } } });

/** Whether the link can still be used: the page shows the form only then. */
export async function isResetTokenLive(token: string): Promise<boolean> {
  return (await getDb().passwordReset.count({ where: liveLink(token, new Date()) })) === 1;
}

/**
 * Sets the new password if the link is live, using the link up: of two submissions racing with
 * one link, exactly one succeeds. Every session of the account ends, since whoever knew the old
 * password may be signed in somewhere.
 */
export async function resetPassword(input: PasswordResetInput): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password); // slow on purpose: before the transaction
  const now = new Date();
  const done = await getDb().$transaction(async (tx) => {
    // Using the link up is the check: only a live link is updated, and only once.
    const { count } = await tx.passwordReset.updateMany({ where: liveLink(input.token, now), data: { usedAt: now } });
    if (count !== 1) throw new NotFoundError(RESET_LINK_DEAD);
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashToken(input.token) }, select: { userId: true, user: { select: { email: true, emailVerifiedAt: true } } } });
    // The link reached the address's inbox, which proves the address as well as the link mailed
    // at registration would (and takes a pre-registered address back from whoever typed it).
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, emailVerifiedAt: reset.user.emailVerifiedAt ?? now } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await tx.passwordReset.deleteMany({ where: { userId: reset.userId, usedAt: null } });
    return { userId: reset.userId, email: reset.user.email };
  });
  await clearSignInFailures(done.email);
  return { userId: done.userId };
}
