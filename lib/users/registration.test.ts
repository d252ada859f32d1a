// Registering through the site's form against a real database and a real SMTP server: the same
// outcome for a new address and a taken one (the owner of a taken one gets a mail instead), a
// confirmation link that works, and limits per client address, per network and per address.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailSink, type MailSink, type ReceivedMail } from "../../scripts/mail-sink";
import { verifyEmail } from "../auth/email-verification";
import { verifyPassword } from "../auth/password";
import { getDb } from "../db";
import { FieldError, RateLimitedError } from "../errors";
import { configureMail } from "../mail/send";
import { failureOf } from "../../tests/support/failure-of";
import { registerUser } from "./mutations";
import { registerMember, type RegistrationCaller } from "./registration";
import { REGISTRATION_LIMITS } from "./registration-limits";
import { RegisterInput } from "./schemas";

const db = getDb();
const unique = () => randomBytes(4).toString("hex");
const octet = () => randomBytes(1)[0];
/** A caller in a network of its own (10.x.y.0/24), at address `.host`. */
const network = () => {
  const prefix = `10.${octet()}.${octet()}`;
  return (host = 1 + (octet() % 250)): RegistrationCaller => ({ ip: `${prefix}.${host}`, network: `${prefix}.0/24` });
};
const caller = () => network()();
const input = (email = `reg-${unique()}@example.com`, handle = "") => RegisterInput.parse({ name: "Ada Registrant", handle, email, password: "correct horse battery" });

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  configureMail({ from: "register@example.com", smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
});
afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});

const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
const tokenIn = (mail: ReceivedMail) => /\/verify-email\?token=([\w-]+)/.exec(mail.text)?.[1];

describe("registration", () => {
  it("makes an unverified account and mails it a confirmation link that verifies it", async () => {
    const form = input();
    await expect(registerMember(caller(), form)).resolves.toBeUndefined();
    const user = await db.user.findUniqueOrThrow({ where: { email: form.email } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.handle).toMatch(/^ada_registrant/);
    expect(await verifyPassword(user.passwordHash!, form.password)).toBe(true);
    const [mail] = mailsTo(form.email);
    expect(mail.subject).toMatch(/^Confirm your email address for /);
    expect(await verifyEmail(tokenIn(mail)!)).toBe("verified");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("answers a taken address exactly as a new one, changes nothing, and tells the owner by mail", async () => {
    const email = `owner-${unique()}@example.com`;
    const owner = await registerUser({ name: "Owner", email, password: "the owner's password" });
    const before = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    const users = await db.user.count();

    // In another case, with another name and password: the same silent success as a new address.
    await expect(registerMember(caller(), input(email.toUpperCase()))).resolves.toBeUndefined();
    expect(await db.user.count()).toBe(users);
    expect(await db.user.findUniqueOrThrow({ where: { id: owner.id } })).toEqual(before);
    expect(await db.emailVerification.count({ where: { userId: owner.id } })).toBe(0);

    const [mail] = mailsTo(email);
    expect(mail.subject).toMatch(/^Registering at /);
    expect(mail.text).toContain("It already has an account, so no new one was made.");
    expect(mail.text).toMatch(/\/signin\r?\n/);
    expect(mail.text).toMatch(/\/forgot-password\r?\n/);
    expect(tokenIn(mail)).toBeUndefined();
  });

  it("answers two sign-ups racing for one address alike: one account, one link, one note", async () => {
    const email = `race-${unique()}@example.com`;
    const results = await Promise.allSettled([registerMember(caller(), input(email)), registerMember(caller(), input(email))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(mailsTo(email).map((m) => m.subject.split(" ")[0]).sort()).toEqual(["Confirm", "Registering"]);
  });

  it("says a chosen handle is taken whether or not the address has an account", async () => {
    const holder = await registerUser({ name: "Holder", email: `holder-${unique()}@example.com`, password: "correct horse battery", handle: `hd_${unique()}` });
    for (const email of [`fresh-${unique()}@example.com`, (await db.user.findUniqueOrThrow({ where: { id: holder.id } })).email]) {
      const refused = await failureOf(registerMember(caller(), input(email, holder.handle)));
      expect(refused).toBeInstanceOf(FieldError);
      expect((refused as FieldError).field).toBe("handle");
      expect(mailsTo(email)).toHaveLength(0);
    }
  });

  it("limits registrations per client address, before any account is made", async () => {
    const from = caller();
    const { limit } = REGISTRATION_LIMITS.perIp;
    const results = await Promise.allSettled(Array.from({ length: limit + 2 }, () => registerMember(from, input())));
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitedError);
    expect(((refused[0] as PromiseRejectedResult).reason as Error).message).toMatch(/^Too many registrations in a short time\. Please try again in \d+ minutes?\.$/);
    expect(await db.rateLimitSlot.count({ where: { key: `register:ip:${from.ip}` } })).toBe(limit);
  });

  it("limits registrations per network, whatever the last part of the address", async () => {
    const inNetwork = network();
    const { limit } = REGISTRATION_LIMITS.perNetwork;
    // A new address in the network every time, each well under its own limit.
    for (let host = 1; host <= limit; host++) await registerMember(inNetwork(host), input());
    const refused = await failureOf(registerMember(inNetwork(limit + 1), input()));
    expect(refused).toBeInstanceOf(RateLimitedError);
    // Another network is not affected.
    await expect(registerMember(caller(), input())).resolves.toBeUndefined();
  });

  it("limits attempts per email address, so the form cannot flood one inbox", async () => {
    const email = `inbox-${unique()}@example.com`;
    const { limit } = REGISTRATION_LIMITS.perAddress;
    for (let i = 0; i < limit; i++) await registerMember(caller(), input(email));
    expect(await failureOf(registerMember(caller(), input(email)))).toBeInstanceOf(RateLimitedError);
    expect(mailsTo(email)).toHaveLength(limit);
  });
});
