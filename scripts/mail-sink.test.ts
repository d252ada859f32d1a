// The test SMTP receiver's MIME reading, checked against what nodemailer really writes: long
// lines (quoted-printable soft breaks), non-ASCII text and subjects (encoded words), base64.
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { parseMessage } from "./mail-sink";

async function rawMessage(options: nodemailer.SendMailOptions): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail({ from: "a@example.test", to: "b@example.test", ...options });
  return (info.message as Buffer).toString("utf8");
}

describe("parseMessage", () => {
  it("decodes subject, text and HTML of a multipart message", async () => {
    const link = `http://localhost:3000/newsletter/confirm?token=${"x".repeat(43)}&more=${"=".repeat(3)}`;
    const text = `Café “quoted” — naïve ${"long line ".repeat(20)}\n${link}\n`;
    const raw = await rawMessage({ subject: "Grüße — ünïcödé subject that is rather long, long enough to be folded over lines", text, html: `<p>${text}</p>`, headers: { "List-Unsubscribe": `<${link}>` } });
    const mail = parseMessage(raw);
    expect(mail.subject).toBe("Grüße — ünïcödé subject that is rather long, long enough to be folded over lines");
    expect(mail.text.replace(/\r\n/g, "\n").trimEnd()).toBe(text.trimEnd());
    expect(mail.html).toContain(`<p>Café “quoted”`);
    expect(mail.headers["list-unsubscribe"]).toBe(`<${link}>`);
  });

  it("decodes a base64 body", async () => {
    const raw = await rawMessage({ subject: "Plain", text: "日本語のテキスト。".repeat(10), textEncoding: "base64" });
    expect(parseMessage(raw).text).toBe("日本語のテキスト。".repeat(10));
  });
});
