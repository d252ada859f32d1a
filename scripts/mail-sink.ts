// A real SMTP receiver for tests: the app's mail goes over SMTP to this server, which keeps every
// message (decoded: subject, plain text, HTML) in memory and, when given a folder, also writes
// each as a JSON file there. Vitest starts one per test file; scripts/e2e.ts starts one for the
// Playwright run and hands its port to the app server and its folder to the specs.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  /** Header names in lower case, folded lines joined. */
  headers: Record<string, string>;
  text: string;
  html: string;
};

export type MailSink = {
  port: number;
  messages: ReceivedMail[];
  /** The first message (already received or still to come) that matches. */
  waitFor: (match: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  close: () => Promise<void>;
};

/** Listens on 127.0.0.1; port 0 (the default) lets the system pick a free port. */
export async function startMailSink({ port = 0, dir }: { port?: number; dir?: string } = {}): Promise<MailSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    // Plain SMTP on the loopback interface: no TLS certificate to trust, no password to set.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = parseMessage(Buffer.concat(chunks).toString("utf8"));
        mail.to = session.envelope.rcptTo.map((r) => r.address);
        mail.from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push(mail);
        if (dir) {
          // Written under a temporary name first, so a reader never sees half a file.
          const file = path.join(dir, `${Date.now()}-${messages.length}-${process.pid}.json`);
          writeFileSync(`${file}.tmp`, JSON.stringify(mail));
          renameSync(`${file}.tmp`, file);
        }
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("mail sink: no TCP address");

  function waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find(match);
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`mail sink: no matching message within ${timeoutMs} ms (received ${messages.length})`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return { port: address.port, messages, waitFor, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// ---------------------------------------------------------------------------------------------
// Just enough MIME to read what nodemailer writes: headers (folded, RFC 2047 encoded words),
// multipart bodies, quoted-printable and base64. Charsets are taken to be UTF-8.

export function parseMessage(raw: string): ReceivedMail {
  const { headers, body } = splitPart(raw);
  const parts = leafParts(headers, body);
  return {
    from: "",
    to: [],
    subject: decodeWords(headers.subject ?? ""),
    headers,
    text: parts.find((p) => p.type === "text/plain")?.content ?? "",
    html: parts.find((p) => p.type === "text/html")?.content ?? "",
  };
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function leafParts(headers: Record<string, string>, body: string): { type: string; content: string }[] {
  const contentType = headers["content-type"] ?? "text/plain";
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return [];
    const sections = body.split(`--${boundary}`).slice(1);
    return sections
      .filter((s) => !s.startsWith("--"))
      .flatMap((section) => {
        const part = splitPart(section.replace(/^\r?\n/, ""));
        return leafParts(part.headers, part.body);
      });
  }
  return [{ type, content: decodeBody(body, (headers["content-transfer-encoding"] ?? "7bit").toLowerCase()) }];
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body.replace(/=\r?\n/g, ""));
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047: `=?UTF-8?Q?…?=` and `=?UTF-8?B?…?=`; spaces between two encoded words are dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?[^?]+\?([bBqQ])\?([^?]*)\?=/g, (_, kind: string, text: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}
