// The daily digest against a real database and a real SMTP server: what goes in it, who gets it,
// and that running the send again (even at the same time) sends nobody anything twice.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMailSink, type MailSink } from "../../scripts/mail-sink";
import { getDb } from "../db";
import { FieldError } from "../errors";
import { configureMail } from "../mail/send";
import { registerUser } from "../users/mutations";
import { previousUtcDay, sendDailyDigest } from "./digest";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
const DAY = "2020-03-04"; // long over, and no other test publishes on it
const at = (time: string) => new Date(`${DAY}T${time}Z`);
const FROM = '"Dept" <no-reply@example.test>';
let sink: MailSink;
let authorId: string;
const people: Record<"confirmed1" | "confirmed2" | "pending" | "unsubscribed", string> = { confirmed1: "", confirmed2: "", pending: "", unsubscribed: "" };

async function addSubscriber(status: "pending" | "confirmed" | "unsubscribed"): Promise<string> {
  const email = `digest-${status}-${unique()}@example.test`;
  const token = () => randomBytes(32).toString("base64url");
  await db.newsletterSubscriber.create({ data: { email, status, confirmToken: token(), unsubscribeToken: token(), confirmedAt: status === "confirmed" ? new Date() : null } });
  return email;
}

async function addArticle(title: string, publishedAt: Date, status: "published" | "draft" = "published") {
  await db.article.create({ data: { slug: `digest-${unique()}`, title, dept: "testing-the-digest", body: `Body of ${title}, in **Markdown**.`, status, publishedAt, authorId } });
}

const useSink = () => configureMail({ from: FROM, smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
const mailsTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));

beforeAll(async () => {
  sink = await startMailSink();
  useSink();
  // Subscribers left by other test files would receive this digest too: start from none.
  await db.newsletterDelivery.deleteMany();
  await db.newsletterIssue.deleteMany();
  await db.newsletterSubscriber.deleteMany();
  authorId = (await registerUser({ name: "Digest Author", email: `author-${unique()}@example.test`, password: "correct horse battery", role: "author" })).id;
  await addArticle("Café owners <win> the naïve “right to repair” case", at("09:30:00"));
  await addArticle("Second story of the day", at("23:59:59"));
  await addArticle("A draft nobody may see", at("12:00:00"), "draft");
  await addArticle("Published the day before", new Date(`2020-03-03T23:59:59Z`));
  await addArticle("Published the day after", new Date(`2020-03-05T00:00:00Z`));
  people.confirmed1 = await addSubscriber("confirmed");
  people.confirmed2 = await addSubscriber("confirmed");
  people.pending = await addSubscriber("pending");
  people.unsubscribed = await addSubscriber("unsubscribed");
});

afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});

describe("the daily digest", () => {
  it("sends each confirmed subscriber the day's articles exactly once, however many runs", async () => {
    const [a, b] = await Promise.all([sendDailyDigest({ day: DAY }), sendDailyDigest({ day: DAY })]);
    expect(a.articles).toBe(2);
    expect(a.sent + b.sent).toBe(2);
    expect(a.failed + b.failed).toBe(0);
    const third = await sendDailyDigest({ day: DAY });
    expect(third).toEqual({ day: DAY, articles: 2, sent: 0, skipped: 0, failed: 0, delivered: 2 });

    expect(mailsTo(people.confirmed1)).toHaveLength(1);
    expect(mailsTo(people.confirmed2)).toHaveLength(1);
    expect(mailsTo(people.pending)).toHaveLength(0);
    expect(mailsTo(people.unsubscribed)).toHaveLength(0);
    expect(await db.newsletterIssue.count({ where: { day: DAY } })).toBe(1);
    expect(await db.newsletterDelivery.count()).toBe(2);
  });

  it("holds the day's visible articles, in text and HTML, with the reader's own unsubscribe link", async () => {
    const mail = mailsTo(people.confirmed1)[0];
    const { unsubscribeToken } = await db.newsletterSubscriber.findUniqueOrThrow({ where: { email: people.confirmed1 } });
    expect(mail.subject).toBe(`Dept Daily Newsletter, ${DAY}: 2 articles`);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Second story of the day");
      expect(body).toContain("testing-the-digest");
      expect(body).toContain("Digest Author");
      expect(body).toContain(`http://localhost:3000/newsletter/unsubscribe?token=${unsubscribeToken}`);
      for (const absent of ["A draft nobody may see", "Published the day before", "Published the day after"]) expect(body).not.toContain(absent);
    }
    expect(mail.text).toContain("Café owners <win> the naïve “right to repair” case");
    expect(mail.text).toContain("Body of Second story of the day, in Markdown.");
    expect(mail.text).toMatch(/Read it: http:\/\/localhost:3000\/articles\/digest-\w+/);
    expect(mail.html).toContain("Café owners &lt;win&gt; the naïve “right to repair” case");
    expect(mail.html).not.toContain("<win>");
    expect(mail.headers["list-unsubscribe"]).toBe(`<http://localhost:3000/api/newsletter/unsubscribe?token=${unsubscribeToken}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("sends a later-confirmed subscriber the issue on the next run, and only them", async () => {
    const late = await addSubscriber("confirmed");
    expect(await sendDailyDigest({ day: DAY })).toMatchObject({ sent: 1, skipped: 0, delivered: 3 });
    expect(mailsTo(late)).toHaveLength(1);
    expect(mailsTo(people.confirmed1)).toHaveLength(1);
  });

  it("releases the claim when sending fails, so a later run delivers", async () => {
    const unlucky = await addSubscriber("confirmed");
    const closed = await startMailSink();
    await closed.close();
    configureMail({ from: FROM, smtp: { host: "127.0.0.1", port: closed.port, secure: false } });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await sendDailyDigest({ day: DAY })).toMatchObject({ sent: 0, failed: 1 });
    } finally {
      quiet.mockRestore();
      useSink();
    }
    const subscriberId = (await db.newsletterSubscriber.findUniqueOrThrow({ where: { email: unlucky } })).id;
    expect(await db.newsletterDelivery.count({ where: { subscriberId } })).toBe(0);
    expect(await sendDailyDigest({ day: DAY })).toMatchObject({ sent: 1, failed: 0 });
    expect(mailsTo(unlucky)).toHaveLength(1);
  });

  it("sends and records nothing for a day without articles", async () => {
    const before = sink.messages.length;
    expect(await sendDailyDigest({ day: "2020-03-10" })).toEqual({ day: "2020-03-10", articles: 0, sent: 0, skipped: 0, failed: 0, delivered: 0 });
    expect(sink.messages.length).toBe(before);
    expect(await db.newsletterIssue.count({ where: { day: "2020-03-10" } })).toBe(0);
  });

  it("defaults to yesterday (UTC) and refuses a day that is not over or does not exist", async () => {
    expect(previousUtcDay(new Date("2026-11-26T00:30:00Z"))).toBe("2026-11-25");
    expect(previousUtcDay(new Date("2026-03-01T23:59:59Z"))).toBe("2026-02-28");
    const now = new Date("2020-03-05T12:00:00Z");
    expect((await sendDailyDigest({ now })).day).toBe(DAY);
    await expect(sendDailyDigest({ day: "2020-03-05", now })).rejects.toBeInstanceOf(FieldError);
    await expect(sendDailyDigest({ day: "2020-02-30" })).rejects.toThrow("That day does not exist.");
    await expect(sendDailyDigest({ day: "yesterday" })).rejects.toThrow("Give the day as YYYY-MM-DD.");
  });
});
