// Mail settings and tokens against a real database, and the sender's time rules on their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailSink, type MailSink } from "../../scripts/mail-sink";
import { getDb } from "../../lib/db";
import { configureMail } from "../../lib/mail/send";
import { digestDueAt, instantDueAt, retryAt } from "../../lib/notifications/mail-policy";
import { getNotificationSettings, NotificationSettingsInput, updateNotificationSettings } from "../../lib/notifications/preferences";
import { drainOutbox } from "../../lib/notifications/sender";
import { getUnsubscribeTarget, memberNotifyToken } from "../../lib/notifications/unsubscribe";
import { article, member, minutes, queuedReply, rowsOf, setAsideOthersMail, T0 } from "./fixtures";

const db = getDb();
let sink: MailSink;
const viewerOf = (m: { id: string; name: string }) => ({ id: m.id, handle: `h${m.id}`, name: m.name, role: "reader" as const, isBanned: false, sessionId: "test" });

beforeAll(async () => {
  await setAsideOthersMail();
  sink = await startMailSink();
  configureMail({ from: "dept@example.test", smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
});
afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});

describe("settings", () => {
  it("start on (at once) and say whether the address is verified", async () => {
    const [ada, kim] = [await member(), await member({ verified: false })];
    expect(await getNotificationSettings(viewerOf(ada))).toEqual({ notifyReplies: true, notifyFollowed: true, notifyMailMode: "instant", isEmailVerified: true });
    expect((await getNotificationSettings(viewerOf(kim)))?.isEmailVerified).toBe(false);
    expect(await getNotificationSettings(null)).toBeNull();
  });

  it("read checkboxes as sent (absent = off) and refuse an unknown mode", () => {
    expect(NotificationSettingsInput.parse({ notifyReplies: "on", notifyFollowed: "", notifyMailMode: "digest" })).toEqual({ notifyReplies: true, notifyFollowed: false, notifyMailMode: "digest" });
    const bad = NotificationSettingsInput.safeParse({ notifyReplies: "", notifyFollowed: "", notifyMailMode: "hourly" });
    expect(bad.error?.issues[0].message).toBe("Choose how often: at once, a daily digest or never.");
  });

  it("switching from the digest to at once sends what the digest held back", async () => {
    const on = await article();
    const ada = await member({ mode: "digest" });
    await queuedReply(on, { userId: ada.id }, { at: T0 });
    expect(await drainOutbox({ now: minutes(30) })).toMatchObject({ mails: 0, deferred: 1 });
    await updateNotificationSettings(viewerOf(ada), { notifyReplies: true, notifyFollowed: true, notifyMailMode: "instant" }, minutes(40));
    expect((await rowsOf({ userId: ada.id }))[0].mailDueAt).toEqual(minutes(40));
    await drainOutbox({ now: minutes(40) });
    expect(sink.messages.filter((m) => m.to.includes(ada.email)).map((m) => m.subject)).toEqual([expect.stringContaining("replied to your comment")]);
  });
});

describe("tokens", () => {
  it("a member's token is made once, even by two senders at the same time", async () => {
    const ada = await member();
    const [a, b] = await Promise.all([memberNotifyToken(ada.id), memberNotifyToken(ada.id)]);
    expect(a).toBe(b);
    expect(await memberNotifyToken(ada.id)).toBe(a);
    expect(await getUnsubscribeTarget(a)).toEqual({ kind: "member", stopped: false, maskedEmail: expect.stringMatching(/…@example\.test$/) });
  });

  it("an unknown or malformed token finds nothing", async () => {
    expect(await getUnsubscribeTarget("")).toBeNull();
    expect(await getUnsubscribeTarget("x".repeat(43))).toBeNull();
    expect(await getUnsubscribeTarget("<script>")).toBeNull();
    expect(await db.user.count({ where: { notifyToken: "x".repeat(43) } })).toBe(0);
  });
});

describe("the time rules", () => {
  const at = (iso: string) => new Date(iso);

  it("at once: the next mail about a discussion an hour after the last", () => {
    expect(instantDueAt(null, at("2026-06-01T09:00:00Z"))).toBeNull();
    expect(instantDueAt(at("2026-06-01T09:00:00Z"), at("2026-06-01T09:20:00Z"))).toEqual(at("2026-06-01T10:00:00Z"));
    expect(instantDueAt(at("2026-06-01T09:00:00Z"), at("2026-06-01T10:00:00Z"))).toBeNull();
  });

  it("digest: after the UTC day of the oldest item, and not twice in one day", () => {
    expect(digestDueAt(at("2026-06-01T23:59:00Z"), null, at("2026-06-01T23:59:30Z"))).toEqual(at("2026-06-02T00:00:00Z"));
    expect(digestDueAt(at("2026-06-01T08:00:00Z"), null, at("2026-06-02T00:00:00Z"))).toBeNull();
    expect(digestDueAt(at("2026-06-01T08:00:00Z"), at("2026-06-02T00:01:00Z"), at("2026-06-02T07:00:00Z"))).toEqual(at("2026-06-03T00:00:00Z"));
  });

  it("retries after 1, 5, 30, 120 and 720 minutes, then gives up", () => {
    const now = at("2026-06-01T09:00:00Z");
    expect([1, 2, 3, 4, 5].map((n) => (retryAt(n, now)!.getTime() - now.getTime()) / 60_000)).toEqual([1, 5, 30, 120, 720]);
    expect(retryAt(6, now)).toBeNull();
  });
});
