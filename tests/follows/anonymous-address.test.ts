// Anonymous posters who ask for reply mail: a follow for their address at once, mail only after
// they confirm it, one confirmation mail per request and at most three an hour per address, a
// stopped address never mailed again. A real SMTP receiver on a free port reads what was sent.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMailSink, type MailSink, type ReceivedMail } from "../../scripts/mail-sink";
import { getDb } from "../../lib/db";
import { configureMail } from "../../lib/mail/send";
import { CONFIRM_MAIL_LIMIT, requestReplyMail, requestReplyMailQuietly } from "../../lib/notifications/address";
import { confirmMailAddress, getAddressByConfirmToken } from "../../lib/notifications/address-confirm";
import { unsubscribeNotifications } from "../../lib/notifications/unsubscribe";
import { article, comment, unique } from "./fixtures";

const db = getDb();
const HOUR = 60 * 60_000;
let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink();
  configureMail({ from: '"Dept" <no-reply@example.test>', smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
});

afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});

const mailsTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));
const tokenIn = (mail: ReceivedMail, path: string) => new RegExp(`${path.replace(/[/?]/g, "\\$&")}\\?token=([\\w-]+)`).exec(mail.text)?.[1];
const address = (email: string) => db.mailAddress.findUniqueOrThrow({ where: { email } });

async function anonymousComment() {
  const on = await article();
  const c = await comment(on, { authorId: null });
  return { articleId: on.id, commentId: c.id };
}

describe("reply mail for anonymous posters", () => {
  it("follows the thread for the address and mails one confirmation, whose link confirms it", async () => {
    const email = `Anon-${unique()}@Example.test`;
    const at = await anonymousComment();
    expect(await requestReplyMail({ email, ...at })).toBe("confirmation-sent");
    const lower = email.toLowerCase();
    const row = await address(lower);
    expect(row.confirmedAt).toBeNull();
    expect(await db.follow.findMany({ where: { mailAddressId: row.id }, select: { followerKey: true, target: true, commentId: true } })).toEqual([
      { followerKey: `m:${row.id}`, target: `comment:${at.commentId}`, commentId: at.commentId },
    ]);

    const mail = await sink.waitFor((m) => m.to.includes(lower));
    expect(mail.subject).toBe("Confirm your address to get replies on Dept");
    expect(tokenIn(mail, "/notifications/confirm")).toBe(row.confirmToken);
    expect(mail.text).toContain(`http://localhost:3000/notifications/confirm?token=${row.confirmToken}`);
    // The way out is in the very first mail.
    expect(tokenIn(mail, "/notifications/unsubscribe")).toBe(row.unsubscribeToken);

    expect(await getAddressByConfirmToken(row.confirmToken)).toMatchObject({ confirmed: false, stopped: false });
    expect(await confirmMailAddress(row.confirmToken)).toMatchObject({ confirmed: true });
    const confirmedAt = (await address(lower)).confirmedAt;
    expect(confirmedAt).not.toBeNull();
    // Again: nothing changes, the first time is kept.
    expect(await confirmMailAddress(row.confirmToken)).toMatchObject({ confirmed: true });
    expect((await address(lower)).confirmedAt).toEqual(confirmedAt);

    // A confirmed address just follows the next thread: no more confirmation mail.
    const next = await anonymousComment();
    expect(await requestReplyMail({ email: lower, ...next })).toBe("following");
    expect(await db.follow.count({ where: { mailAddressId: row.id } })).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(lower)).toHaveLength(1);
  });

  it("sends at most three confirmation mails an hour to one address, then again the next hour", async () => {
    const email = `flood-${unique()}@example.test`;
    const t0 = Date.UTC(2026, 5, 1, 9);
    const outcomes = [];
    for (let i = 0; i < CONFIRM_MAIL_LIMIT.perAddress + 2; i++) outcomes.push(await requestReplyMail({ email, ...(await anonymousComment()) }, t0 + i * 60_000));
    expect(outcomes).toEqual(["confirmation-sent", "confirmation-sent", "confirmation-sent", "rate-limited", "rate-limited"]);
    // Each request still follows its thread, for when the address is confirmed.
    expect(await db.follow.count({ where: { mailAddress: { email } } })).toBe(5);
    expect(await requestReplyMail({ email, ...(await anonymousComment()) }, t0 + HOUR + 60_000)).toBe("confirmation-sent");
    await sink.waitFor(() => mailsTo(email).length === 4);
  });

  it("never mails a stopped address again, and an old confirmation link does not undo the stop", async () => {
    const email = `stopped-${unique()}@example.test`;
    await requestReplyMail({ email, ...(await anonymousComment()) });
    await sink.waitFor((m) => m.to.includes(email));
    const row = await address(email);
    expect(await unsubscribeNotifications(row.unsubscribeToken)).toMatchObject({ kind: "address", stopped: true });
    expect(await requestReplyMail({ email, ...(await anonymousComment()) })).toBe("stopped");
    expect(await confirmMailAddress(row.confirmToken)).toMatchObject({ stopped: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(email)).toHaveLength(1);
  });

  it("answers null to an unknown or malformed confirmation token", async () => {
    expect(await getAddressByConfirmToken("")).toBeNull();
    expect(await getAddressByConfirmToken("not a token")).toBeNull();
    expect(await confirmMailAddress("A".repeat(43))).toBeNull();
  });

  it("a mail server that fails is logged, not thrown: the comment stands", async () => {
    configureMail({ from: "x@example.test", smtp: { host: "127.0.0.1", port: 1, secure: false } });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const email = `down-${unique()}@example.test`;
      const at = await anonymousComment();
      await expect(requestReplyMailQuietly({ email, ...at })).resolves.toBeUndefined();
      expect(error).toHaveBeenCalledWith(expect.stringContaining("could not set up reply mail"));
      expect(await db.follow.count({ where: { commentId: at.commentId } })).toBe(1);
    } finally {
      error.mockRestore();
      configureMail({ from: '"Dept" <no-reply@example.test>', smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
    }
  });
});
