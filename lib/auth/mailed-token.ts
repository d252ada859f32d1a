// What every account mail with a one-time link shares (password reset, email verification): the
// token is 32 random bytes, and the database keeps only its SHA-256, so a copy of the database
// (a backup, a leaked dump) opens no link. Sending such a mail fails with a message the form can
// show, never a stack trace.
import { createHash, randomBytes } from "node:crypto";
import { FieldError } from "../errors";
import { sendMail, type MailMessage } from "../mail/send";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh token for a link, and the hash that is all the database gets to keep. */
export function newMailedToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export const MAIL_FAILED = "We could not send the mail just now. Please try again in a few minutes.";

/** Sends an account mail; an SMTP failure is logged and becomes a form-wide message. */
export async function sendAccountMail(message: MailMessage, logTag: string): Promise<void> {
  try {
    await sendMail(message);
  } catch (error) {
    console.error(`[${logTag}] could not send mail: ${(error as Error).message}`);
    throw new FieldError(undefined, MAIL_FAILED);
  }
}
