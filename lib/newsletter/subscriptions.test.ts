// Sign-up, confirmation and unsubscribing against a real database and a real SMTP server (the
// test's own, on a free port): the links tested are the ones read out of the received mails.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as unsubscribeRoute, GET as unsubscribeRouteGet } from "@/app/api/newsletter/unsubscribe/route";
import { startMailSink, type MailSink, type ReceivedMail } from "../../scripts/mail-sink";
import { getDb } from "../db";
import { FieldError, RateLimitedError } from "../errors";
import { configureMail } from "../mail/send";
import { confirmSubscription, SIGNUP_LIMITS, subscribe, unsubscribe } from "./mutations";
import { getSubscriptionByUnsubscribeToken } from "./queries";
import { SubscribeInput } from "./schemas";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
const newAddress = () => `reader-${unique()}@example.test`;
const newIp = () => `10.${[...randomBytes(3)].join(".")}`;
const FROM = '"Dept" <no-reply@example.test>';
let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink();
  configureMail({ from: FROM, smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
});

afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});

const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
const tokenIn = (mail: ReceivedMail, path: string) => new RegExp(`${path.replace(/[/?]/g, "\\$&")}\\?token=([\\w-]+)`).exec(mail.text)?.[1];
const subscriber = (email: string) => db.newsletterSubscriber.findUniqueOrThrow({ where: { email } });

async function signUp(email: string, ip = newIp()): Promise<ReceivedMail> {
  const before = mailsTo(email).length;
  await subscribe({ ip }, SubscribeInput.parse({ email }));
  return sink.waitFor((m) => m.to.includes(email) && mailsTo(email).indexOf(m) >= before);
}

describe("double opt-in", () => {
  it("mails a confirmation link that confirms the address, once and idempotently", async () => {
    const email = newAddress();
    const mail = await signUp(email);
    expect(mail.from).toBe("no-reply@example.test");
    expect(mail.subject).toBe("Confirm your subscription to the Dept Daily Newsletter");
    expect((await subscriber(email)).status).toBe("pending");

    const token = tokenIn(mail, "/newsletter/confirm");
    expect(mail.text).toContain(`http://localhost:3000/newsletter/confirm?token=${token}`);
    expect(mail.html).toContain(`href="http://localhost:3000/newsletter/confirm?token=${token}"`);
    // Every mail, this one included, carries an unsubscribe link and the list headers.
    const unsubscribeToken = (await subscriber(email)).unsubscribeToken;
    expect(tokenIn(mail, "/newsletter/unsubscribe")).toBe(unsubscribeToken);
    expect(mail.headers["list-unsubscribe"]).toBe(`<http://localhost:3000/api/newsletter/unsubscribe?token=${unsubscribeToken}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    expect(await confirmSubscription(token!)).toBe("confirmed");
    const confirmed = await subscriber(email);
    expect(confirmed.status).toBe("confirmed");
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(await confirmSubscription(token!)).toBe("confirmed");
    expect(await confirmSubscription("not-a-token")).toBe("invalid");
    expect(await confirmSubscription(randomBytes(32).toString("base64url"))).toBe("invalid");
  });

  it("stores the address trimmed and in lower case, and refuses a malformed one", () => {
    expect(SubscribeInput.parse({ email: "  Ada.Lovelace@Example.TEST " }).email).toBe("ada.lovelace@example.test");
    const bad = SubscribeInput.safeParse({ email: "not an address" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("Enter a valid email address, like name@example.com.");
  });

  it("replaces the link when a pending address signs up again: only the newest works", async () => {
    const email = newAddress();
    const first = tokenIn(await signUp(email), "/newsletter/confirm")!;
    const second = tokenIn(await signUp(email), "/newsletter/confirm")!;
    expect(second).not.toBe(first);
    expect(await confirmSubscription(first)).toBe("invalid");
    expect(await confirmSubscription(second)).toBe("confirmed");
  });

  it("tells a confirmed address it is already subscribed, changing nothing", async () => {
    const email = newAddress();
    await confirmSubscription(tokenIn(await signUp(email), "/newsletter/confirm")!);
    const before = await subscriber(email);
    const mail = await signUp(email);
    expect(mail.subject).toBe("You're already subscribed to the Dept Daily Newsletter");
    expect(mail.text).not.toContain("/newsletter/confirm");
    expect(tokenIn(mail, "/newsletter/unsubscribe")).toBe(before.unsubscribeToken);
    const after = await subscriber(email);
    expect(after).toEqual(before);
  });
});

describe("unsubscribing", () => {
  it("unsubscribes by token, idempotently; an old confirmation link does not subscribe again", async () => {
    const email = newAddress();
    const mail = await signUp(email);
    const confirmToken = tokenIn(mail, "/newsletter/confirm")!;
    await confirmSubscription(confirmToken);
    const token = tokenIn(mail, "/newsletter/unsubscribe")!;
    expect(await getSubscriptionByUnsubscribeToken(token)).toEqual({ status: "confirmed", maskedEmail: "re…@example.test" });

    expect(await unsubscribe(token)).toBe(true);
    expect((await subscriber(email)).status).toBe("unsubscribed");
    expect(await unsubscribe(token)).toBe(true);
    expect(await unsubscribe(randomBytes(32).toString("base64url"))).toBe(false);
    expect(await confirmSubscription(confirmToken)).toBe("unsubscribed");
    expect((await subscriber(email)).status).toBe("unsubscribed");

    // Signing up again starts over: a new link, which must be confirmed.
    const again = await signUp(email);
    expect((await subscriber(email)).status).toBe("pending");
    expect(await confirmSubscription(tokenIn(again, "/newsletter/confirm")!)).toBe("confirmed");
  });

  it("takes an RFC 8058 one-click POST and the page's form POST; a GET only leads to the page", async () => {
    const email = newAddress();
    const token = tokenIn(await signUp(email), "/newsletter/unsubscribe")!;
    const url = `http://localhost:3000/api/newsletter/unsubscribe?token=${token}`;

    const get = await unsubscribeRouteGet(new Request(url));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/newsletter/unsubscribe?token=${token}`);
    expect((await subscriber(email)).status).toBe("pending");

    const oneClick = await unsubscribeRoute(new Request(url, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }));
    expect(oneClick.status).toBe(200);
    expect((await subscriber(email)).status).toBe("unsubscribed");

    const other = newAddress();
    const otherToken = tokenIn(await signUp(other), "/newsletter/unsubscribe")!;
    const form = new FormData();
    form.set("token", otherToken);
    const posted = await unsubscribeRoute(new Request("http://localhost:3000/api/newsletter/unsubscribe", { method: "POST", body: form }));
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe(`/newsletter/unsubscribe?token=${otherToken}`);
    expect((await subscriber(other)).status).toBe("unsubscribed");

    const unknown = await unsubscribeRoute(new Request(`${url}x`, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }));
    expect(unknown.status).toBe(404);
  });
});

describe("limits and failures", () => {
  it("limits sign-ups per address, whichever IPs ask, and per IP", async () => {
    const email = newAddress();
    for (let i = 0; i < SIGNUP_LIMITS.perAddress; i++) await signUp(email);
    await expect(subscribe({ ip: newIp() }, { email })).rejects.toBeInstanceOf(RateLimitedError);
    expect(mailsTo(email)).toHaveLength(SIGNUP_LIMITS.perAddress);

    const ip = newIp();
    for (let i = 0; i < SIGNUP_LIMITS.perIp; i++) await signUp(newAddress(), ip);
    await expect(subscribe({ ip }, { email: newAddress() })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("limits sign-ups per network, however the last part of the address changes", async () => {
    const network = newIp().split(".").slice(0, 3).join(".");
    for (let i = 0; i < SIGNUP_LIMITS.perNetwork; i++) await signUp(newAddress(), `${network}.${i + 1}`);
    await expect(subscribe({ ip: `${network}.200` }, { email: newAddress() })).rejects.toBeInstanceOf(RateLimitedError);
    // A neighbouring network is not held to it.
    await signUp(newAddress(), `${newIp().split(".").slice(0, 3).join(".")}.200`);
  });

  it("says so when the SMTP server cannot be reached", async () => {
    const closed = await startMailSink();
    await closed.close();
    configureMail({ from: FROM, smtp: { host: "127.0.0.1", port: closed.port, secure: false } });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const error = await subscribe({ ip: newIp() }, { email: newAddress() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).message).toMatch(/could not send the mail/);
    } finally {
      quiet.mockRestore();
      configureMail({ from: FROM, smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
    }
  });

  it("writes the whole message, link included, to the log when SMTP is not configured", async () => {
    configureMail({ from: FROM, smtp: null });
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const email = newAddress();
      const received = sink.messages.length;
      await subscribe({ ip: newIp() }, { email });
      const { confirmToken, unsubscribeToken } = await subscriber(email);
      const logged = log.mock.calls.map((args) => String(args[0])).join("\n");
      expect(logged).toContain("SMTP is not configured");
      expect(logged).toContain(`To: ${email}`);
      expect(logged).toContain(`http://localhost:3000/newsletter/confirm?token=${confirmToken}`);
      expect(logged).toContain(`List-Unsubscribe: <http://localhost:3000/api/newsletter/unsubscribe?token=${unsubscribeToken}>`);
      expect(sink.messages.length).toBe(received);
    } finally {
      log.mockRestore();
      configureMail({ from: FROM, smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
    }
  });
});
