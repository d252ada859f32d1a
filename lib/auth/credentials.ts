// Email + password sign-in, shared by the sign-in form's action and next-auth's Credentials
// provider. Failures are counted per email and per IP; past the limit the answer is "try again
// in N minutes" whatever the password, so guessing stops paying. Each attempt holds its place in
// the count while the password is checked, so guesses sent all at once are capped too.
import { getDb } from "../db";
import { RateLimitedError, retryInWords } from "../errors";
import { clearLimit, reserveSlots } from "../rate-limit";
import { burnPasswordCheck, verifyPassword } from "./password";

export const SIGN_IN_FAILURE = "Wrong email or password.";
export const signInLimits = { perEmail: 5, perIp: 20, windowMs: 15 * 60_000 };

const emailKey = (email: string) => `signin-fail:email:${email}`;
const ipKey = (ip: string) => `signin-fail:ip:${ip}`;

export class SignInFailedError extends Error {
  constructor() {
    super(SIGN_IN_FAILURE);
    this.name = "SignInFailedError";
  }
}

/** After a password reset: the owner proved themselves another way, so earlier guesses stop counting. */
export async function clearSignInFailures(email: string): Promise<void> {
  await clearLimit(emailKey(email));
}

/** The user id for a correct email and password; throws SignInFailedError or RateLimitedError. */
export async function authenticate(email: string, password: string, ip: string): Promise<string> {
  const { perEmail, perIp, windowMs } = signInLimits;
  const attempt = await reserveSlots([
    { key: emailKey(email), limit: perEmail, windowMs },
    { key: ipKey(ip), limit: perIp, windowMs },
  ]);
  if (!attempt.allowed) throw new RateLimitedError(`Too many failed sign-in attempts. Please ${retryInWords(attempt.retryAfterMs)}.`, attempt.retryAfterMs);

  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, deletedAt: true } });
  const ok = user?.passwordHash && !user.deletedAt ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!ok || !user) throw new SignInFailedError(); // the attempt stays counted
  await attempt.release();
  await clearLimit(emailKey(email));
  return user.id;
}
