// The two mails a "forgot your password" request can send. An address with no account gets a
// mail too, so the answer on the page, and how long it takes, are the same for every address.
import { env } from "../env";
import { composeMail } from "../mail/compose";
import type { MailMessage } from "../mail/send";
import { RESET_LINK_MINUTES } from "./password-reset-limits";

export const resetUrl = (token: string) => `${env().siteUrl}/reset-password?token=${encodeURIComponent(token)}`;

export function resetMail(to: string, token: string): MailMessage {
  const site = env().SITE_NAME;
  return composeMail(to, `Choose a new password for ${site}`, [
    `Someone, hopefully you, asked to reset the password of the ${site} account that uses this address.`,
    { href: resetUrl(token), label: "Choose a new password" },
    `The link works once, for ${RESET_LINK_MINUTES} minutes.`,
    "If that was not you, ignore this mail: your password stays as it is.",
  ]);
}

export function noAccountMail(to: string): MailMessage {
  const site = env().SITE_NAME;
  return composeMail(to, `Password reset for ${site}`, [
    `Someone, hopefully you, asked to reset the password of a ${site} account at this address, but no account uses it. If you have an account, it is under another address.`,
    "If that was not you, ignore this mail.",
  ]);
}
