// The mail the app server sent during this e2e run. scripts/e2e.ts runs a real SMTP receiver
// (scripts/mail-sink.ts), points the server at it and writes every received message as a JSON
// file into E2E_MAIL_DIR; these helpers read them as a person reads their inbox.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ReceivedMail } from "../scripts/mail-sink";

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the e2e suite through `npm run test:e2e` (scripts/e2e.ts starts the SMTP receiver)");
  return dir;
}

/** Every message received so far for the address, oldest first. */
export function mailsTo(address: string): ReceivedMail[] {
  const dir = mailDir();
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as ReceivedMail)
    .filter((mail) => mail.to.includes(address));
}

/** Waits for a message to the address whose subject matches. */
export async function waitForMail(address: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailsTo(address).find((m) => subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline) {
      const got = mailsTo(address).map((m) => m.subject);
      throw new Error(`no mail to ${address} with a subject matching ${subject} within ${timeoutMs} ms (got: ${JSON.stringify(got)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first absolute link in the message's plain text to the path with a token, e.g. /newsletter/confirm. */
export function linkIn(mail: ReceivedMail, pathname: string): string {
  const escaped = pathname.replace(/[/.]/g, "\\$&");
  const link = new RegExp(`https?://[^\\s"<>]+${escaped}\\?token=[\\w-]+`).exec(mail.text)?.[0];
  if (!link) throw new Error(`no ${pathname} link in the mail "${mail.subject}":\n${mail.text}`);
  return link;
}
