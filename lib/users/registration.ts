// Registering through the site's form. The answer on the page never says whether the address
// already has an account: a new address gets an account and a confirmation link, a known one gets
// a note to its owner, and the page says "check your email" either way. Both ways hash the
// password and send one mail, so they also take about as long. Nobody is signed in here: signing
// in straight away would tell a new address from a known one.
import { verificationExpiry } from "../auth/email-verification";
import { alreadyRegisteredMail, verificationMail } from "../auth/email-verification-mails";
import { newMailedToken, sendAccountMail } from "../auth/mailed-token";
import { hashPassword } from "../auth/password";
import { getDb } from "../db";
import { FieldError, RateLimitedError, retryInWords } from "../errors";
import type { MailMessage } from "../mail/send";
import { takeSlots } from "../rate-limit";
import { HANDLE_TAKEN, insertMember, isHandleTaken } from "./mutations";
import { REGISTRATION_LIMITS } from "./registration-limits";
import type { RegisterInput } from "./schemas";

/** Who is registering: their address and its network (lib/request.ts clientNetwork). */
export type RegistrationCaller = { ip: string; network: string };

/** Counts the attempt against every limit before any work, so a burst cannot slip through. */
async function takeRegistrationSlots(caller: RegistrationCaller, email: string): Promise<void> {
  const { perIp, perNetwork, perAddress } = REGISTRATION_LIMITS;
  const decision = await takeSlots([
    { key: `register:ip:${caller.ip}`, ...perIp },
    { key: `register:network:${caller.network}`, ...perNetwork },
    { key: `register:address:${email}`, ...perAddress },
  ]);
  if (!decision.allowed) {
    throw new RateLimitedError(`Too many registrations in a short time. Please ${retryInWords(decision.retryAfterMs)}.`, decision.retryAfterMs);
  }
}

/** A new account with its confirmation link, or the note for the owner when the address is taken. */
async function accountOrNote(input: RegisterInput, passwordHash: string): Promise<MailMessage> {
  if (await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } })) return alreadyRegisteredMail(input.email);
  const { token, tokenHash } = newMailedToken();
  try {
    await insertMember({ ...input, passwordHash, verification: { tokenHash, expiresAt: verificationExpiry() } });
  } catch (error) {
    // The address was taken between the lookup and the insert (two sign-ups at once).
    if (error instanceof FieldError && error.field === "email") return alreadyRegisteredMail(input.email);
    throw error;
  }
  return verificationMail(input.email, token);
}

export async function registerMember(caller: RegistrationCaller, input: RegisterInput): Promise<void> {
  await takeRegistrationSlots(caller, input.email);
  // Handles are public (profile addresses), so saying one is taken tells nothing; checked before
  // the email, so the answer is the same whether or not the address has an account.
  if (input.handle && (await isHandleTaken(input.handle))) throw new FieldError("handle", HANDLE_TAKEN);
  const passwordHash = await hashPassword(input.password); // slow on purpose, and on both paths
  await sendAccountMail(await accountOrNote(input, passwordHash), "register");
}
