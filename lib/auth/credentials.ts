// Email + password sign-in, shared by the sign-in form's action and next-auth's Credentials
// provider. Failures lock the (email, network) pair, so guesses aimed at someone's email from
// elsewhere never lock them out of their own network; per email, across every network, they only
// slow: past a looser count each attempt waits a moment before its password is checked, and the
// right password still gets in. Addresses and networks have caps of their own. Each attempt holds
// its place in the counts while the password is checked, so guesses sent all at once are capped too.
import { getDb } from "../db";
import { RateLimitedError, retryInWords, SignInFailedError } from "../errors";
import { clearLimit, clearLimitsStartingWith, reserveSlots } from "../rate-limit";
import { networkKeyOf } from "../request";
import { burnPasswordCheck, verifyPassword } from "./password";

export const signInLimits = {
  /** Failures for one email from one network (IPv4 /24, IPv6 /64) before that pair is locked. */
  perEmailAndNetwork: 5,
  /** Failures for one email from every network before each attempt is slowed (never locked). */
  perEmailBeforeSlowing: 20,
  /** How long each attempt past `perEmailBeforeSlowing` waits before its password is checked. */
  slowDownMs: 1_500,
  perIp: 20,
  /** Neighbours share a network: three addresses' worth before the whole network is capped. */
  perNetwork: 60,
  windowMs: 15 * 60_000,
};

// Emails cannot contain spaces, so "<email> " starts every pair key of that email and no other.
const pairPrefix = (email: string) => `signin-fail:pair:${email} `;
const pairKey = (email: string, network: string) => `${pairPrefix(email)}${network}`;
const emailKey = (email: string) => `signin-fail:email:${email}`;
const ipKey = (ip: string) => `signin-fail:ip:${ip}`;
const networkKey = (network: string) => `signin-fail:net:${network}`;

/** The clock and the pause of a slowed attempt; tests pass their own instead of sleeping. */
export type SignInClock = { now?: number; pause?: (ms: number) => Promise<void> };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** After a password reset: the owner proved themselves another way, so earlier guesses stop counting. */
export async function clearSignInFailures(email: string): Promise<void> {
  await Promise.all([clearLimitsStartingWith(pairPrefix(email)), clearLimit(emailKey(email))]);
}

/** The user id for a correct email and password; throws SignInFailedError or RateLimitedError. */
export async function authenticate(email: string, password: string, ip: string, clock: SignInClock = {}): Promise<string> {
  const { perEmailAndNetwork, perEmailBeforeSlowing, slowDownMs, perIp, perNetwork, windowMs } = signInLimits;
  const now = clock.now ?? Date.now();
  const network = networkKeyOf(ip);
  const attempt = await reserveSlots(
    [
      { key: pairKey(email, network), limit: perEmailAndNetwork, windowMs },
      { key: ipKey(ip), limit: perIp, windowMs },
      { key: networkKey(network), limit: perNetwork, windowMs },
    ],
    now,
  );
  if (!attempt.allowed) throw new RateLimitedError(`Too many failed sign-in attempts. Please ${retryInWords(attempt.retryAfterMs)}.`, attempt.retryAfterMs);
  // The email's own count never refuses (anyone can aim guesses at an email): once it is full,
  // the attempt just waits, which a script guessing one password after another feels and a
  // person signing in hardly notices.
  const perEmail = await reserveSlots([{ key: emailKey(email), limit: perEmailBeforeSlowing, windowMs }], now);
  if (!perEmail.allowed) await (clock.pause ?? sleep)(slowDownMs);

  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, deletedAt: true } });
  const ok = user?.passwordHash && !user.deletedAt ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!ok || !user) throw new SignInFailedError(); // the attempt stays counted
  await Promise.all([attempt.release(), perEmail.allowed ? perEmail.release() : undefined]);
  await clearLimit(pairKey(email, network));
  return user.id;
}
