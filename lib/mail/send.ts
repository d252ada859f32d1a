// Outgoing mail. With SMTP settings (SMTP_HOST, …) messages go through nodemailer; without them
// the whole message is written to the server log instead, so sign-up and confirmation work on a
// fresh machine (the confirmation link is in the log). Nothing here knows about newsletters.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
};

export type SmtpSettings = {
  host: string;
  port: number;
  /** Implicit TLS (port 465). Otherwise nodemailer upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
};

export type MailSettings = { from: string; smtp: SmtpSettings | null };

/** The settings lib/env.ts describes; an empty SMTP_HOST counts as unset. */
export function mailSettingsFromEnv(): MailSettings {
  const e = env();
  const from = e.SMTP_FROM || `"${e.SITE_NAME}" <no-reply@${new URL(e.siteUrl).hostname}>`;
  if (!e.SMTP_HOST) return { from, smtp: null };
  const port = e.SMTP_PORT ?? 587;
  return { from, smtp: { host: e.SMTP_HOST, port, secure: port === 465, user: e.SMTP_USER || undefined, password: e.SMTP_PASSWORD || undefined } };
}

type Mailer = { settings: MailSettings; transport: Transporter | null };

// One transport per process (kept on globalThis so development hot reloads do not pile them up).
const holder = globalThis as unknown as { deptMailer?: Mailer };

function mailer(): Mailer {
  if (!holder.deptMailer) holder.deptMailer = createMailer(mailSettingsFromEnv());
  return holder.deptMailer;
}

function createMailer(settings: MailSettings): Mailer {
  const { smtp } = settings;
  if (!smtp) return { settings, transport: null };
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    // nodemailer waits minutes by default; a sign-up form should fail in seconds instead.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return { settings, transport };
}

/**
 * Replaces the settings (and the transport) for this process: tests point it at their own SMTP
 * receiver; `undefined` goes back to the environment's settings.
 */
export function configureMail(settings: MailSettings | undefined): void {
  holder.deptMailer?.transport?.close();
  holder.deptMailer = settings ? createMailer(settings) : undefined;
}

/** Closes the SMTP connection so a script can exit. */
export function closeMail(): void {
  holder.deptMailer?.transport?.close();
  holder.deptMailer = undefined;
}

/** Sends one message, or logs it when no SMTP server is configured. Throws when SMTP fails. */
export async function sendMail(message: MailMessage): Promise<void> {
  const { settings, transport } = mailer();
  if (!transport) {
    console.info(mailLogEntry(settings.from, message));
    return;
  }
  await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text, html: message.html, headers: message.headers });
}

/** The log line used when there is no SMTP server: everything a developer needs, links included. */
export function mailLogEntry(from: string, message: MailMessage): string {
  const headers = Object.entries(message.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  return [
    "[mail] SMTP is not configured (set SMTP_HOST to send mail); this message was not sent:",
    `From: ${from}`,
    `To: ${message.to}`,
    `Subject: ${message.subject}`,
    ...headers,
    "",
    message.text,
    "[mail] end of message",
  ].join("\n");
}
