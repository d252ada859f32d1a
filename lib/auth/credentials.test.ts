// Sign-in against a real database: one message for every failure; failures lock the (email,
// network) pair, slow (never lock) the email across networks, and cap addresses and networks;
// a success clears its pair's count. Time passes through an injected clock, never by sleeping.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { liveCount } from "../rate-limit";
import { RateLimitedError, SignInFailedError } from "../errors";
import { registerUser } from "../users/mutations";
import { authenticate, signInLimits, type SignInClock } from "./credentials";
import { failureOf } from "../../tests/support/failure-of";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "correct horse battery";

/** A /24 of its own ("a.b.c"): addresses in it are `${net}.<host>`. */
const newNetwork = () => {
  const [a, b, c] = randomBytes(3);
  return `${11 + (a % 200)}.${b}.${c}`;
};
const anywhere = () => `${newNetwork()}.${1 + (randomBytes(1)[0] % 250)}`;

async function member() {
  const email = `signin-${unique()}@example.com`;
  const user = await registerUser({ name: "Sign In Tester", email, password: PASSWORD, handle: `si_${unique()}` });
  return { email, id: user.id };
}

/** A clock whose pauses are recorded, not slept. */
function testClock(now = Date.now()): SignInClock & { pauses: number[] } {
  const pauses: number[] = [];
  return { now, pauses, pause: async (ms) => void pauses.push(ms) };
}

describe("authenticate", () => {
  it("returns the member for the right password", async () => {
    const { email, id } = await member();
    expect(await authenticate(email, PASSWORD, anywhere())).toBe(id);
  });

  it("gives the same failure for a wrong password and an unknown email", async () => {
    const { email } = await member();
    const wrong = await failureOf(authenticate(email, "not the password", anywhere()));
    const unknown = await failureOf(authenticate(`nobody-${unique()}@example.com`, PASSWORD, anywhere()));
    expect(wrong).toBeInstanceOf(SignInFailedError);
    expect(unknown).toBeInstanceOf(SignInFailedError);
    expect(wrong.message).toBe(unknown.message);
  });

  it("locks an email on one network after 5 failures, even with the right password and a new address there, saying when to retry", async () => {
    const { email, id } = await member();
    const net = newNetwork();
    for (let i = 0; i < signInLimits.perEmailAndNetwork; i++) {
      expect(await failureOf(authenticate(email, `guess ${i} wrong`, `${net}.${10 + i}`))).toBeInstanceOf(SignInFailedError);
    }
    const blocked = await failureOf(authenticate(email, PASSWORD, `${net}.200`));
    expect(blocked).toBeInstanceOf(RateLimitedError);
    expect(blocked.message).toMatch(/^Too many failed sign-in attempts\. Please try again in ([1-9]|1[0-5]) minutes?\.$/);
    // Another network is not that pair: the member gets in from there.
    expect(await authenticate(email, PASSWORD, anywhere())).toBe(id);
  });

  it("lifts a pair's lock once its failures are a full window old", async () => {
    const { email, id } = await member();
    const at = `${newNetwork()}.7`;
    const start = Date.now();
    for (let i = 0; i < signInLimits.perEmailAndNetwork; i++) await failureOf(authenticate(email, `guess ${i}`, at, { now: start }));
    expect(await failureOf(authenticate(email, PASSWORD, at, { now: start + signInLimits.windowMs - 1000 }))).toBeInstanceOf(RateLimitedError);
    expect(await authenticate(email, PASSWORD, at, { now: start + signInLimits.windowMs + 1 })).toBe(id);
  });

  // The counts slide: five failures lock the pair whether or not the clock's 15-minute marks
  // fall among them (so e2e/accounts.spec.ts need not wait for a mark to pass before guessing).
  it("locks the pair after five failures that straddle a clock-aligned 15-minute mark, until the first of them is a window old", async () => {
    const { email, id } = await member();
    const at = `${newNetwork()}.9`;
    const { perEmailAndNetwork, windowMs } = signInLimits;
    const mark = Math.ceil(Date.now() / windowMs) * windowMs;
    // Two failures just before the mark, three just after.
    const times = [mark - 20_000, mark - 10_000, mark + 1000, mark + 5000, mark + 10_000];
    expect(times).toHaveLength(perEmailAndNetwork);
    for (const [i, now] of times.entries()) expect(await failureOf(authenticate(email, `guess ${i}`, at, { now }))).toBeInstanceOf(SignInFailedError);
    const blocked = await failureOf(authenticate(email, PASSWORD, at, { now: mark + 11_000 }));
    expect(blocked).toBeInstanceOf(RateLimitedError);
    // Until the first failure is a window old: 15 minutes less the 31 s since it.
    expect((blocked as RateLimitedError).retryAfterMs).toBe(windowMs - 31_000);
    expect(blocked.message).toBe("Too many failed sign-in attempts. Please try again in 15 minutes.");
    expect(await failureOf(authenticate(email, PASSWORD, at, { now: times[0] + windowMs - 1 }))).toBeInstanceOf(RateLimitedError);
    expect(await authenticate(email, PASSWORD, at, { now: times[0] + windowMs })).toBe(id);
  });

  it("does not lock a member out of their own network when someone aims guesses at their email from others", async () => {
    const { email, id } = await member();
    // Thirty guesses from six networks: each of those pairs is locked, and the email is past the
    // point where attempts slow down.
    const networks = Array.from({ length: 6 }, newNetwork);
    for (const net of networks) {
      const guesses = Array.from({ length: signInLimits.perEmailAndNetwork }, (_, i) => authenticate(email, `attacker guess ${i}`, `${net}.66`, testClock()));
      expect((await Promise.allSettled(guesses)).every((r) => r.status === "rejected" && r.reason instanceof SignInFailedError)).toBe(true);
    }
    expect(await failureOf(authenticate(email, PASSWORD, `${networks[0]}.66`))).toBeInstanceOf(RateLimitedError);
    // The member, at home: slowed a moment, then in.
    const home = testClock();
    expect(await authenticate(email, PASSWORD, `${newNetwork()}.20`, home)).toBe(id);
    expect(home.pauses).toEqual([signInLimits.slowDownMs]);
  });

  it("slows every attempt at an email past 20 failures from all networks, without refusing one, until the failures are a window old", async () => {
    const { email, id } = await member();
    const start = Date.now();
    const clock = testClock(start);
    const perNetwork = signInLimits.perEmailAndNetwork - 1;
    let failures = 0;
    while (failures < signInLimits.perEmailBeforeSlowing) {
      const net = newNetwork();
      for (let i = 0; i < perNetwork && failures < signInLimits.perEmailBeforeSlowing; i++, failures++) {
        expect(await failureOf(authenticate(email, `spread guess ${failures}`, `${net}.9`, clock))).toBeInstanceOf(SignInFailedError);
      }
    }
    expect(clock.pauses).toEqual([]);
    // Past the count: the next wrong guess waits, and is still answered as a wrong guess.
    expect(await failureOf(authenticate(email, "one more guess", anywhere(), clock))).toBeInstanceOf(SignInFailedError);
    expect(clock.pauses).toEqual([signInLimits.slowDownMs]);
    expect(signInLimits.slowDownMs).toBeGreaterThanOrEqual(1000);
    expect(signInLimits.slowDownMs).toBeLessThanOrEqual(2000);
    // A slowed attempt is not counted again, so the count stays where it was.
    expect(await liveCount(`signin-fail:email:${email}`, start)).toBe(signInLimits.perEmailBeforeSlowing);
    // The right password from a fresh network: slowed, then in.
    expect(await authenticate(email, PASSWORD, anywhere(), clock)).toBe(id);
    expect(clock.pauses).toHaveLength(2);
    // A window later the email is at full speed again.
    const later = testClock(start + signInLimits.windowMs + 1);
    expect(await authenticate(email, PASSWORD, anywhere(), later)).toBe(id);
    expect(later.pauses).toEqual([]);
  });

  it("throttles an IP across different emails", async () => {
    const sharedIp = anywhere();
    const attempts = Array.from({ length: signInLimits.perIp }, () => authenticate(`nobody-${unique()}@example.com`, "guess wrong", sharedIp));
    // Sent at once: every failure is counted, none lost to the race.
    const results = await Promise.allSettled(attempts);
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof SignInFailedError)).toBe(true);
    const { email } = await member();
    expect(await failureOf(authenticate(email, PASSWORD, sharedIp))).toBeInstanceOf(RateLimitedError);
  });

  it("caps a network across its addresses and emails, generously: a script changing the last part of its address is stopped there", async () => {
    const net = newNetwork();
    const perAddress = signInLimits.perIp - 1;
    const addresses = Math.ceil(signInLimits.perNetwork / perAddress);
    let sent = 0;
    for (let host = 1; host <= addresses; host++) {
      const burst = Array.from({ length: Math.min(perAddress, signInLimits.perNetwork - sent) }, () => authenticate(`nobody-${unique()}@example.com`, "guess", `${net}.${host}`));
      sent += burst.length;
      expect((await Promise.allSettled(burst)).every((r) => r.status === "rejected" && r.reason instanceof SignInFailedError)).toBe(true);
    }
    expect(signInLimits.perNetwork).toBeGreaterThanOrEqual(3 * signInLimits.perIp);
    const { email, id } = await member();
    expect(await failureOf(authenticate(email, PASSWORD, `${net}.250`))).toBeInstanceOf(RateLimitedError);
    expect(await authenticate(email, PASSWORD, anywhere())).toBe(id);
  });

  it("checks no more guesses than the limits allow when they are sent all at once", async () => {
    const kinds = (results: PromiseSettledResult<string>[]) => results.map((r) => (r.status === "rejected" ? (r.reason as Error).name : "signed in"));
    const count = (names: string[], name: string) => names.filter((n) => n === name).length;

    const sharedIp = anywhere();
    const fromOneAddress = kinds(await Promise.allSettled(Array.from({ length: signInLimits.perIp + 5 }, () => authenticate(`nobody-${unique()}@example.com`, "guess wrong", sharedIp))));
    expect(count(fromOneAddress, "SignInFailedError")).toBe(signInLimits.perIp);
    expect(count(fromOneAddress, "RateLimitedError")).toBe(5);

    const { email } = await member();
    const net = newNetwork();
    const atOnePair = kinds(await Promise.allSettled(Array.from({ length: signInLimits.perEmailAndNetwork + 3 }, (_, i) => authenticate(email, `guess ${i}`, `${net}.${i + 1}`))));
    expect(count(atOnePair, "SignInFailedError")).toBe(signInLimits.perEmailAndNetwork);
    expect(count(atOnePair, "RateLimitedError")).toBe(3);
    expect(await failureOf(authenticate(email, PASSWORD, `${net}.99`))).toBeInstanceOf(RateLimitedError);
  });

  it("does not count a successful sign-in against the address", async () => {
    const sharedIp = anywhere();
    const { email, id } = await member();
    for (let i = 0; i < signInLimits.perIp + 2; i++) expect(await authenticate(email, PASSWORD, sharedIp)).toBe(id);
    expect(await liveCount(`signin-fail:ip:${sharedIp}`)).toBe(0);
    expect(await liveCount(`signin-fail:email:${email}`)).toBe(0);
  });

  it("clears the failures of the network a member signs in from, but not those aimed at them from elsewhere", async () => {
    const { email, id } = await member();
    const [home, away] = [newNetwork(), newNetwork()];
    for (let i = 0; i < signInLimits.perEmailAndNetwork - 1; i++) {
      await failureOf(authenticate(email, "wrong again", `${home}.5`));
      await failureOf(authenticate(email, "attacker", `${away}.5`));
    }
    expect(await authenticate(email, PASSWORD, `${home}.5`)).toBe(id);
    expect(await liveCount(`signin-fail:pair:${email} ${home}.0/24`)).toBe(0);
    expect(await liveCount(`signin-fail:pair:${email} ${away}.0/24`)).toBe(signInLimits.perEmailAndNetwork - 1);
  });
});
