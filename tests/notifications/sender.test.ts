// The notification sender against a real database and a real SMTP receiver, with the clock
// injected: who gets mail, what it says, the hourly limit, the digest, unsubscribing, retries.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/notifications/unsubscribe/route";
import { startMailSink, type MailSink } from "../../scripts/mail-sink";
import { getDb } from "../../lib/db";
import { configureMail } from "../../lib/mail/send";
import { drainOutbox } from "../../lib/notifications/sender";
import { article, member, minutes, queuedReply, rowsOf, setAsideOthersMail, T0, unique } from "./fixtures";

const db = getDb();
const FROM = '"Dept" <no-reply@example.test>';
let sink: MailSink;
const useSink = () => configureMail({ from: FROM, smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
const mailsTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));

beforeAll(async () => {
  await setAsideOthersMail();
  sink = await startMailSink();
  useSink();
});

afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});

const oneClick = (token: string) =>
  unsubscribePost(
    new Request(`http://localhost:3000/api/notifications/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );

describe("a reply", () => {
  it("mails the parent's author once, with the permalink, an excerpt and the one-click headers", async () => {
    const on = await article("Tides & <Moons>");
    const [ada, bob] = [await member(), await member()];
    const { commentId } = await queuedReply(on, { userId: ada.id }, { by: bob, subject: "Re: the <b>tide</b>", body: "Water *rises* <script>alert(1)</script> twice a day." });
    const r = await drainOutbox({ now: T0 });
    expect(r).toMatchObject({ mails: 1, sent: 1, failed: 0 });
    const [mail, ...rest] = mailsTo(ada.email);
    expect(rest).toEqual([]);
    expect(mail.subject).toBe(`${bob.name} replied to your comment on Tides & <Moons>`);
    expect(mail.text).toContain(`http://localhost:3000/comments/${commentId}`);
    expect(mail.text).toContain("Re: the <b>tide</b>");
    expect(mail.text).toContain("Water rises");
    expect(mail.html).toContain(`href="http://localhost:3000/comments/${commentId}"`);
    expect(mail.html).toContain("Re: the &lt;b&gt;tide&lt;/b&gt;");
    expect(mail.html).not.toMatch(/<script|<b>tide/);
    const { notifyToken } = await db.user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(notifyToken).toMatch(/^[\w-]{43}$/);
    expect(mail.headers["list-unsubscribe"]).toBe(`<http://localhost:3000/api/notifications/unsubscribe?token=${notifyToken}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(`http://localhost:3000/notifications/unsubscribe?token=${notifyToken}`);
    expect(mail.text).toContain("Manage your notification settings: http://localhost:3000/settings#notifications");
    expect((await rowsOf({ userId: ada.id })).map((n) => [n.mailState, n.mailSentAt])).toEqual([["sent", T0]]);
    // Drained again: nothing more.
    await drainOutbox({ now: minutes(90) });
    expect(mailsTo(ada.email)).toHaveLength(1);
  });

  it("mails no one unverified, opted out, banned, or about a pending or hidden reply", async () => {
    const on = await article();
    const unverified = await member({ verified: false });
    const repliesOff = await member({ replies: false });
    const followedOff = await member({ followed: false });
    const never = await member({ mode: "never" });
    const banned = await member({ banned: true });
    const pending = await member();
    const hidden = await member();
    for (const m of [unverified, repliesOff, never, banned]) await queuedReply(on, { userId: m.id });
    await queuedReply(on, { userId: followedOff.id }, { kind: "followed" });
    await queuedReply(on, { userId: pending.id }, { status: "pending" });
    await queuedReply(on, { userId: hidden.id }, { status: "hidden" });
    await drainOutbox({ now: T0 });
    for (const m of [unverified, repliesOff, followedOff, never, banned, pending, hidden]) {
      expect(mailsTo(m.email)).toEqual([]);
      expect((await rowsOf({ userId: m.id })).map((n) => n.mailState)).toEqual(["skipped"]);
    }
  });
});

describe("what a mail gives away", () => {
  it("not the title of a hidden comment through a reply's \"Re:\"", async () => {
    const on = await article();
    const [ada, cy] = [await member(), await member()];
    await db.comment.create({ data: { articleId: on.id, authorId: cy.id, subject: "Secret plans", body: "Hidden text", status: "hidden" } });
    await queuedReply(on, { userId: ada.id }, { kind: "followed", subject: "Re: Secret plans" });
    await drainOutbox({ now: T0 });
    const [mail] = mailsTo(ada.email);
    expect(mail.text).toContain("Re: (hidden comment)");
    expect(mail.text + mail.html).not.toContain("Secret plans");
  });
});

describe("unsubscribing", () => {
  it("one click turns a member's mail off; the GET asks first", async () => {
    const on = await article();
    const ada = await member();
    await queuedReply(on, { userId: ada.id });
    await drainOutbox({ now: T0 });
    const token = /token=([\w-]+)>/.exec(mailsTo(ada.email)[0].headers["list-unsubscribe"])![1];
    const get = await unsubscribeGet(new Request(`http://localhost:3000/api/notifications/unsubscribe?token=${token}`));
    expect([get.status, get.headers.get("location")]).toEqual([303, `/notifications/unsubscribe?token=${token}`]);
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).notifyMailMode).toBe("instant");
    const res = await oneClick(token);
    expect([res.status, await res.text()]).toEqual([200, "Unsubscribed.\n"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).notifyMailMode).toBe("never");
    await queuedReply(on, { userId: ada.id }, { at: minutes(120) });
    await drainOutbox({ now: minutes(120) });
    expect(mailsTo(ada.email)).toHaveLength(1);
    expect((await oneClick("not-a-real-token-at-all-000")).status).toBe(404);
    // The unsubscribe page's button posts the token in the form and lands back on the page.
    const form = await unsubscribePost(new Request("http://localhost:3000/api/notifications/unsubscribe", { method: "POST", body: new URLSearchParams({ token }) }));
    expect([form.status, form.headers.get("location")]).toEqual([303, `/notifications/unsubscribe?token=${token}`]);
  });

  it("an anonymous address's mail says the link stops all mail, and it does", async () => {
    const on = await article();
    const address = await db.mailAddress.create({
      data: { email: `pat-${unique()}@example.test`, confirmToken: `c${unique()}${unique()}${unique()}`, unsubscribeToken: `u${unique()}${unique()}${unique()}`, confirmedAt: T0 },
    });
    const unconfirmed = await db.mailAddress.create({ data: { email: `kim-${unique()}@example.test`, confirmToken: `c${unique()}${unique()}`, unsubscribeToken: `u${unique()}${unique()}` } });
    await queuedReply(on, { mailAddressId: address.id });
    await queuedReply(on, { mailAddressId: unconfirmed.id });
    await drainOutbox({ now: T0 });
    expect(mailsTo(unconfirmed.email)).toEqual([]);
    const [mail] = mailsTo(address.email);
    expect(mail.text).toContain(`Stop all mail to this address: http://localhost:3000/notifications/unsubscribe?token=${address.unsubscribeToken}`);
    expect(mail.headers["list-unsubscribe"]).toBe(`<http://localhost:3000/api/notifications/unsubscribe?token=${address.unsubscribeToken}>`);
    expect((await oneClick(address.unsubscribeToken)).status).toBe(200);
    expect((await db.mailAddress.findUniqueOrThrow({ where: { id: address.id } })).stoppedAt).not.toBeNull();
    await queuedReply(on, { mailAddressId: address.id }, { at: minutes(120) });
    await drainOutbox({ now: minutes(120) });
    expect(mailsTo(address.email)).toHaveLength(1);
  });
});

describe("at once", () => {
  it("sends one mail per discussion an hour: later replies wait and go together", async () => {
    const [on, other] = [await article("Harbour lights"), await article()];
    const ada = await member();
    await queuedReply(on, { userId: ada.id }, { at: T0 });
    await drainOutbox({ now: T0 });
    await queuedReply(on, { userId: ada.id }, { at: minutes(10) });
    await queuedReply(on, { userId: ada.id }, { at: minutes(20) });
    // Another discussion is not held back by the first.
    await queuedReply(other, { userId: ada.id }, { at: minutes(20) });
    expect(await drainOutbox({ now: minutes(20) })).toMatchObject({ mails: 1, deferred: 2 });
    expect((await rowsOf({ userId: ada.id })).filter((n) => n.mailState === "queued").map((n) => n.mailDueAt)).toEqual([minutes(60), minutes(60)]);
    await drainOutbox({ now: minutes(59) });
    expect(mailsTo(ada.email)).toHaveLength(2);
    await drainOutbox({ now: minutes(60) });
    const mails = mailsTo(ada.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining("replied to your comment on Harbour lights"), expect.any(String), "2 new replies in Harbour lights"]);
  });

  it("puts replies that arrive together into one mail", async () => {
    const on = await article("Three at once");
    const ada = await member();
    for (const at of [T0, minutes(1), minutes(2)]) await queuedReply(on, { userId: ada.id }, { at });
    await drainOutbox({ now: minutes(2) });
    expect(mailsTo(ada.email).map((m) => m.subject)).toEqual(["3 new replies in Three at once"]);
  });
});

describe("the daily digest", () => {
  it("waits for the UTC day of its oldest item to end, then sends everything due in one mail", async () => {
    const on = await article();
    const ada = await member({ mode: "digest" });
    await queuedReply(on, { userId: ada.id }, { at: T0 });
    await queuedReply(on, { userId: ada.id }, { at: minutes(180), kind: "followed" });
    const midnight = new Date(Date.UTC(2026, 5, 2));
    expect(await drainOutbox({ now: minutes(240) })).toMatchObject({ mails: 0, deferred: 2 });
    expect((await rowsOf({ userId: ada.id })).map((n) => n.mailDueAt)).toEqual([midnight, midnight]);
    await drainOutbox({ now: midnight });
    const [mail, ...rest] = mailsTo(ada.email);
    expect(rest).toEqual([]);
    expect(mail.subject).toBe("Your daily replies digest (2)");
    expect(mail.text).toContain("replied to your comment");
    expect(mail.text).toContain("commented in a discussion you follow");
    // The next day's reply waits for the end of that day.
    await queuedReply(on, { userId: ada.id }, { at: minutes(60, midnight) });
    expect(await drainOutbox({ now: minutes(120, midnight) })).toMatchObject({ mails: 0, deferred: 1 });
  });

  it("sends 200 replies to one member as one mail", async () => {
    const on = await article();
    const ada = await member({ mode: "digest" });
    const by = await member();
    for (let i = 0; i < 200; i++) await queuedReply(on, { userId: ada.id }, { at: minutes(i), by });
    const r = await drainOutbox({ now: new Date(Date.UTC(2026, 5, 2, 6)) });
    expect(r).toMatchObject({ mails: 1, sent: 200 });
    const [mail, ...rest] = mailsTo(ada.email);
    expect(rest).toEqual([]);
    expect(mail.subject).toBe("Your daily replies digest (200)");
    expect(mail.text).toContain("…and 150 more: http://localhost:3000/notifications");
    expect(mail.text.match(/http:\/\/localhost:3000\/comments\//g)).toHaveLength(50);
  });
});

describe("when SMTP fails", () => {
  it("retries with backoff, then sends; gives up after the last attempt", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const on = await article();
    const [ada, bea] = [await member(), await member()];
    await queuedReply(on, { userId: ada.id });
    configureMail({ from: FROM, smtp: { host: "127.0.0.1", port, secure: false } });
    try {
      expect(await drainOutbox({ now: T0 })).toMatchObject({ mails: 0, failed: 1 });
      expect(errors.mock.calls.filter((c) => String(c[0]).includes(`u:${ada.id}`))).toHaveLength(1);
      expect((await rowsOf({ userId: ada.id }))[0]).toMatchObject({ mailState: "queued", mailAttempts: 1, mailDueAt: minutes(1) });
      await drainOutbox({ now: minutes(1) });
      expect((await rowsOf({ userId: ada.id }))[0]).toMatchObject({ mailState: "queued", mailAttempts: 2, mailDueAt: minutes(6) });
      useSink();
      await drainOutbox({ now: minutes(6) });
      expect(mailsTo(ada.email)).toHaveLength(1);
      expect((await rowsOf({ userId: ada.id }))[0]).toMatchObject({ mailState: "sent", mailAttempts: 2 });
      // Bea's mail fails every time: after six attempts it is given up.
      configureMail({ from: FROM, smtp: { host: "127.0.0.1", port, secure: false } });
      await queuedReply(on, { userId: bea.id }, { at: minutes(7) });
      let now = minutes(7);
      for (let i = 0; i < 6; i++) {
        await drainOutbox({ now });
        const [row] = await rowsOf({ userId: bea.id });
        now = row.mailDueAt!;
      }
      expect((await rowsOf({ userId: bea.id }))[0]).toMatchObject({ mailState: "failed", mailAttempts: 6 });
    } finally {
      useSink();
      errors.mockRestore();
    }
    await drainOutbox({ now: minutes(6 * 24 * 60) });
    expect(mailsTo(bea.email)).toEqual([]);
  });
});

describe("through the outbox", () => {
  it("a reply posted with createComment mails the parent's author, and its poster nothing", async () => {
    const { createComment } = await import("../../lib/comments/mutations");
    const on = await article("Posted for real");
    const [ada, bob] = [await member(), await member()];
    const viewer = (m: { id: string; name: string }) => ({ id: m.id, handle: `h${m.id}`, name: m.name, role: "reader" as const, isBanned: false, sessionId: "test" });
    const poster = (m: { id: string; name: string }, n: number) => ({ viewer: viewer(m), visitorId: `v${unique()}`, ip: `10.7.${n}.1` });
    const parent = await createComment(poster(ada, 1), { articleId: on.id, subject: "A question", body: "What about the tides?" });
    const reply = await createComment(poster(bob, 2), { articleId: on.id, subject: "Re: A question", body: "They rise twice a day.", parentId: parent.id });
    await drainOutbox({ now: new Date() });
    const [mail, ...rest] = mailsTo(ada.email);
    expect(rest).toEqual([]);
    expect(mail.subject).toBe(`${bob.name} replied to your comment on Posted for real`);
    expect(mail.text).toContain(`http://localhost:3000/comments/${reply.id}`);
    expect(mailsTo(bob.email)).toEqual([]);
  });
});
