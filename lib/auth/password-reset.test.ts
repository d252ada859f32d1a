// "Forgot your password?" against a real database: links that work once, for an hour, only the
// newest; a reset that ends every session and the address's sign-in lockout; requests answered
// alike for any address and limited per address and per IP.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { NotFoundError, RateLimitedError } from "../errors";
import { registerUser } from "../users/mutations";
import { authenticate, signInLimits } from "./credentials";
import { verifyPassword } from "./password";
import { isResetTokenLive, issueResetToken, requestPasswordReset, resetPassword } from "./password-reset";
import { RESET_LINK_DEAD, RESET_REQUEST_LIMITS } from "./password-reset-limits";
import { resetMail, resetUrl } from "./password-reset-mails";
import { createSessionRow } from "./session";
import { failureOf } from "../../tests/support/failure-of";

const db = getDb();
const unique = () => randomBytes(4).toString("hex");
const ip = () => `ip-${unique()}`;
const OLD = "the old password here";

async function member() {
  const email = `reset-${unique()}@example.com`;
  const user = await registerUser({ name: "Reset Tester", email, password: OLD, handle: `rs_${unique()}` });
  return { email, id: user.id };
}

const passwordOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash!;

describe("password reset", () => {
  it("sets the new password through a link that works once, stores only the token's hash, and ends every session", async () => {
    const { id } = await member();
    await createSessionRow(id);
    await createSessionRow(id);
    const token = await issueResetToken(id);
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await isResetTokenLive(token)).toBe(true);

    await resetPassword({ token, password: "a brand new password" });
    expect(await verifyPassword(await passwordOf(id), "a brand new password")).toBe(true);
    expect(await db.session.count({ where: { userId: id } })).toBe(0);
    expect(await isResetTokenLive(token)).toBe(false);

    const again = await failureOf(resetPassword({ token, password: "yet another password" }));
    expect(again).toBeInstanceOf(NotFoundError);
    expect(again.message).toBe(RESET_LINK_DEAD);
    expect(await verifyPassword(await passwordOf(id), "a brand new password")).toBe(true);
  });

  it("honours only the newest link, and no link past its hour", async () => {
    const { id } = await member();
    const older = await issueResetToken(id);
    const newer = await issueResetToken(id);
    expect(await isResetTokenLive(older)).toBe(false);
    expect(await failureOf(resetPassword({ token: older, password: "from the older mail" }))).toBeInstanceOf(NotFoundError);

    await db.passwordReset.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isResetTokenLive(newer)).toBe(false);
    expect(await failureOf(resetPassword({ token: newer, password: "from the expired mail" }))).toBeInstanceOf(NotFoundError);
    expect(await verifyPassword(await passwordOf(id), OLD)).toBe(true);
  });

  it("lets exactly one of two submissions racing with one link set its password", async () => {
    const { id } = await member();
    const token = await issueResetToken(id);
    const tries = ["first racing password", "second racing password"];
    const results = await Promise.allSettled(tries.map((password) => resetPassword({ token, password })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = tries[results.findIndex((r) => r.status === "fulfilled")];
    expect(await verifyPassword(await passwordOf(id), winner)).toBe(true);
  });

  it("lifts the address's sign-in lockout on every network, since the owner proved themselves by mail", async () => {
    const { email, id } = await member();
    // Failures lock an (email, network) pair: two networks, each locked.
    const networks = [0, 1].map(() => [...randomBytes(3)].map((byte, i) => (i === 0 ? 11 + (byte % 200) : byte)).join("."));
    for (const net of networks) {
      for (let i = 0; i < signInLimits.perEmailAndNetwork; i++) await failureOf(authenticate(email, `wrong guess ${i}`, `${net}.${i + 1}`));
      expect(await failureOf(authenticate(email, OLD, `${net}.77`))).toBeInstanceOf(RateLimitedError);
    }
    await resetPassword({ token: await issueResetToken(id), password: "after the lockout" });
    for (const net of networks) expect(await authenticate(email, "after the lockout", `${net}.77`)).toBe(id);
  });

  it("answers a request for any address alike, writes a link only for an account, and limits requests per address and per IP", async () => {
    const { email, id } = await member();
    const from = ip();
    await requestPasswordReset({ ip: from }, { email });
    expect(await db.passwordReset.count({ where: { userId: id, usedAt: null } })).toBe(1);
    const before = await db.passwordReset.count();
    await expect(requestPasswordReset({ ip: from }, { email: `nobody-${unique()}@example.com` })).resolves.toBeUndefined();
    expect(await db.passwordReset.count()).toBe(before);

    for (let i = 1; i < RESET_REQUEST_LIMITS.perAddress; i++) await requestPasswordReset({ ip: ip() }, { email });
    const perAddress = await failureOf(requestPasswordReset({ ip: ip() }, { email }));
    expect(perAddress).toBeInstanceOf(RateLimitedError);
    expect(perAddress.message).toMatch(/^Too many reset requests in a short time\. Please try again in \d+ minutes?\.$/);

    const busy = ip();
    const burst = await Promise.allSettled(
      Array.from({ length: RESET_REQUEST_LIMITS.perIp + 3 }, () => requestPasswordReset({ ip: busy }, { email: `nobody-${unique()}@example.com` })),
    );
    expect(burst.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitedError)).toHaveLength(3);

    // Stepping through one network's addresses: its allowance is shared.
    const network = `10.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250)}`;
    const stepped = await Promise.allSettled(
      Array.from({ length: RESET_REQUEST_LIMITS.perNetwork + 2 }, (_, i) => requestPasswordReset({ ip: `${network}.${i + 1}` }, { email: `nobody-${unique()}@example.com` })),
    );
    expect(stepped.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitedError)).toHaveLength(2);
  });

  it("mails a link to the reset page that carries the token", () => {
    const mail = resetMail("ada@example.com", "T".repeat(43));
    expect(mail.text).toContain(resetUrl("T".repeat(43)));
    expect(mail.html).toContain(`href="${resetUrl("T".repeat(43))}"`);
    expect(resetUrl("T".repeat(43))).toMatch(/\/reset-password\?token=T{43}$/);
  });
});
