// Sign-in against a real database: one message for every failure, throttling per email and per
// IP, and a success clears the email's count.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { liveCount } from "../rate-limit";
import { RateLimitedError } from "../errors";
import { registerUser } from "../users/mutations";
import { authenticate, SignInFailedError, signInLimits } from "./credentials";
import { failureOf } from "../testing/failure-of";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "correct horse battery";

async function member() {
  const email = `signin-${unique()}@example.com`;
  const user = await registerUser({ name: "Sign In Tester", email, password: PASSWORD, handle: `si_${unique()}` });
  return { email, id: user.id };
}

describe("authenticate", () => {
  let ip: string;
  beforeAll(() => {
    ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  });

  it("returns the member for the right password", async () => {
    const { email, id } = await member();
    expect(await authenticate(email, PASSWORD, ip)).toBe(id);
  });

  it("gives the same failure for a wrong password and an unknown email", async () => {
    const { email } = await member();
    const wrong = await failureOf(authenticate(email, "not the password", `wp-${unique()}`));
    const unknown = await failureOf(authenticate(`nobody-${unique()}@example.com`, PASSWORD, `ue-${unique()}`));
    expect(wrong).toBeInstanceOf(SignInFailedError);
    expect(unknown).toBeInstanceOf(SignInFailedError);
    expect(wrong.message).toBe(unknown.message);
  });

  it("throttles an email after 5 failures, even with the right password, saying when to retry", async () => {
    const { email } = await member();
    for (let i = 0; i < signInLimits.perEmail; i++) {
      expect(await failureOf(authenticate(email, `guess ${i} wrong`, `ip-${unique()}`))).toBeInstanceOf(SignInFailedError);
    }
    const blocked = await failureOf(authenticate(email, PASSWORD, `ip-${unique()}`));
    expect(blocked).toBeInstanceOf(RateLimitedError);
    expect(blocked.message).toMatch(/^Too many failed sign-in attempts\. Please try again in ([1-9]|1[0-5]) minutes?\.$/);
  });

  it("throttles an IP across different emails", async () => {
    const sharedIp = `ip-${unique()}`;
    const attempts = Array.from({ length: signInLimits.perIp }, () => authenticate(`nobody-${unique()}@example.com`, "guess wrong", sharedIp));
    // Sent at once: every failure is counted, none lost to the race.
    const results = await Promise.allSettled(attempts);
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof SignInFailedError)).toBe(true);
    const { email } = await member();
    expect(await failureOf(authenticate(email, PASSWORD, sharedIp))).toBeInstanceOf(RateLimitedError);
  });

  it("checks no more guesses than the limits allow when they are sent all at once", async () => {
    const kinds = (results: PromiseSettledResult<string>[]) => results.map((r) => (r.status === "rejected" ? (r.reason as Error).name : "signed in"));
    const count = (names: string[], name: string) => names.filter((n) => n === name).length;

    const sharedIp = `ip-${unique()}`;
    const fromOneAddress = kinds(await Promise.allSettled(Array.from({ length: signInLimits.perIp + 5 }, () => authenticate(`nobody-${unique()}@example.com`, "guess wrong", sharedIp))));
    expect(count(fromOneAddress, "SignInFailedError")).toBe(signInLimits.perIp);
    expect(count(fromOneAddress, "RateLimitedError")).toBe(5);

    const { email } = await member();
    const atOneEmail = kinds(await Promise.allSettled(Array.from({ length: signInLimits.perEmail + 3 }, (_, i) => authenticate(email, `guess ${i}`, `ip-${unique()}`))));
    expect(count(atOneEmail, "SignInFailedError")).toBe(signInLimits.perEmail);
    expect(count(atOneEmail, "RateLimitedError")).toBe(3);
    expect(await failureOf(authenticate(email, PASSWORD, `ip-${unique()}`))).toBeInstanceOf(RateLimitedError);
  });

  it("does not count a successful sign-in against the address", async () => {
    const sharedIp = `ip-${unique()}`;
    const { email, id } = await member();
    for (let i = 0; i < signInLimits.perIp + 2; i++) expect(await authenticate(email, PASSWORD, sharedIp)).toBe(id);
    expect(await liveCount(`signin-fail:ip:${sharedIp}`)).toBe(0);
  });

  it("clears an email's failures after a successful sign-in", async () => {
    const { email, id } = await member();
    for (let i = 0; i < signInLimits.perEmail - 1; i++) await failureOf(authenticate(email, "wrong again", `ip-${unique()}`));
    expect(await authenticate(email, PASSWORD, `ip-${unique()}`)).toBe(id);
    expect(await liveCount(`signin-fail:email:${email}`)).toBe(0);
  });
});
