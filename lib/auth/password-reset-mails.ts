// The two mails a "forgot your password" request can send. An address with no account gets a
// mail too, so the answer on the page, and how long it takes, are the same for every address.
import { env } from "../env";
import { escapeHtml, htmlDocument } from "../mail/html";
import type { MailMessage } from "../mail/send";
import { RESET_LINK_MINUTES } from "./password-reset-limits";

export const resetUrl = (token: string) => `${env().siteUrl}/reset-password?token=${encodeURIComponent(token)}`;

export function resetMail(to: string, token: string): MailMessage {
  const site = env().SITE_NAME;
  const link = resetUrl(token);
  const intro = `Someone, hopefully you, asked to reset the password of the ${site} account that uses this address.`;
  const works = `The link works once, for ${RESET_LINK_MINUTES} minutes.`;
  const ignore = "If that was not you, ignore this mail: your password stays as it is.";
  return {
    to,
    subject: `Choose a new password for ${site}`,
    text: `${intro}\n\nChoose a new password:\n${link}\n\n${works}\n\n${ignore}\n`,
    html: htmlDocument(`<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">Choose a new password</a></p><p>${escapeHtml(works)}</p><p>${escapeHtml(ignore)}</p>`),
  };
}

export function noAccountMail(to: string): MailMessage {
  const site = env().SITE_NAME;
  const body = `Someone, hopefully you, asked to reset the password of a ${site} account at this address, but no account uses it. If you have an account, it is under another address.`;
  const ignore = "If that was not you, ignore this mail.";
  return {
    to,
    subject: `Password reset for ${site}`,
    text: `${body}\n\n${ignore}\n`,
    html: htmlDocument(`<p>${escapeHtml(body)}</p><p>${escapeHtml(ignore)}</p>`),
  };
}
