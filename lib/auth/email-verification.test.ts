// Email verification against a real database: links that work once, for 48 hours, only the
// newest, stored only as a hash; two clicks racing verify once; "Send the link again" limited per
// member; a completed password reset proves the address too.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailSink, type MailSink } from "../../scripts/mail-sink";
import { getDb } from "../db";
import { FieldError, RateLimitedError } from "../errors";
import { configureMail } from "../mail/send";
import { registerUser } from "../users/mutations";
import { RESEND_LIMIT } from "../users/registration-limits";
import { ALREADY_VERIFIED, issueVerificationToken, resendVerification, verifyEmail } from "./email-verification";
import { verificationMail, verifyUrl } from "./email-verification-mails";
import { issueResetToken, resetPassword } from "./password-reset";
import type { Viewer } from "./viewer";
import { failureOf } from "../../tests/support/failure-of";

const db = getDb();
const unique = () => randomBytes(4).toString("hex");

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  configureMail({ from: "verify@example.com", smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
});
afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});

async function member() {
  const email = `verify-${unique()}@example.com`;
  const user = await registerUser({ name: "Verify Tester", email, password: "correct horse battery", handle: `vf_${unique()}` });
  return { email, id: user.id };
}

const verifiedAt = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).emailVerifiedAt;
const viewerOf = (id: string): Viewer => ({ id, handle: "x", name: "x", role: "reader", isBanned: false, sessionId: "none" });

describe("email verification", () => {
  it("verifies through a link that works once and stores only the token's hash", async () => {
    const { id } = await member();
    expect(await verifiedAt(id)).toBeNull();
    const token = await issueVerificationToken(id);
    const row = await db.emailVerification.findFirstOrThrow({ where: { userId: id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);

    expect(await verifyEmail(token)).toBe("verified");
    expect(await verifiedAt(id)).toBeInstanceOf(Date);
    // Opened again (a second click, or a mail scanner got there first): it says so, nothing more.
    expect(await verifyEmail(token)).toBe("already-verified");
  });

  it("honours only the newest link, no link past its 48 hours, and no made-up token", async () => {
    const { id } = await member();
    const older = await issueVerificationToken(id);
    const newer = await issueVerificationToken(id);
    expect(await verifyEmail(older)).toBe("dead");
    await db.emailVerification.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifyEmail(newer)).toBe("dead");
    expect(await verifyEmail("x".repeat(43))).toBe("dead");
    expect(await verifyEmail("not a token")).toBe("dead");
    expect(await verifiedAt(id)).toBeNull();
  });

  it("verifies exactly once when two requests race with one link", async () => {
    const { id } = await member();
    const token = await issueVerificationToken(id);
    const outcomes = await Promise.all([verifyEmail(token), verifyEmail(token), verifyEmail(token)]);
    expect(outcomes.filter((o) => o === "verified")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already-verified")).toHaveLength(2);
    expect(await db.emailVerification.count({ where: { userId: id, usedAt: { not: null } } })).toBe(1);
  });

  it("sends a new link on request, a few times an hour, and not once verified", async () => {
    const { id, email } = await member();
    const first = await issueVerificationToken(id);
    for (let i = 0; i < RESEND_LIMIT.limit; i++) await resendVerification(viewerOf(id));
    expect(await verifyEmail(first)).toBe("dead"); // replaced by the newer links
    const mailed = sink.messages.filter((m) => m.to.includes(email)).map((m) => /verify-email\?token=([\w-]+)/.exec(m.text)?.[1]);
    expect(mailed).toHaveLength(RESEND_LIMIT.limit);
    const limited = await failureOf(resendVerification(viewerOf(id)));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited.message).toMatch(/^Too many new links in a short time\. Please try again in \d+ minutes?\.$/);

    expect(await verifyEmail(mailed[0]!)).toBe("dead");
    expect(await verifyEmail(mailed.at(-1)!)).toBe("verified");
    const done = await failureOf(resendVerification(viewerOf(id)));
    expect(done).toBeInstanceOf(FieldError);
    expect(done.message).toBe(ALREADY_VERIFIED);
  });

  it("counts a completed password reset as proof of the address", async () => {
    const { id } = await member();
    await resetPassword({ token: await issueResetToken(id), password: "a brand new password" });
    expect(await verifiedAt(id)).toBeInstanceOf(Date);
  });

  it("mails a link to the confirmation page that carries the token", () => {
    const mail = verificationMail("ada@example.com", "T".repeat(43));
    expect(mail.subject).toMatch(/^Confirm your email address for /);
    expect(mail.text).toContain(`Confirm your email address:\n${verifyUrl("T".repeat(43))}`);
    expect(mail.html).toContain(`href="${verifyUrl("T".repeat(43))}"`);
    expect(verifyUrl("T".repeat(43))).toMatch(/\/verify-email\?token=T{43}$/);
  });
});
