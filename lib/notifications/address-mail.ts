// The one mail an anonymous poster gets before any reply: "confirm this address first". It
// carries a link that stops all mail to the address, so a stranger's address typed into the
// form costs its owner at most this mail (and the rate limit keeps it to a few an hour).
import { env } from "../env";
import { escapeHtml, htmlDocument } from "../mail/html";
import type { MailMessage } from "../mail/send";
import { notificationUnsubscribePageUrl } from "./mails";

export const confirmAddressUrl = (token: string) => `${env().siteUrl}/notifications/confirm?token=${encodeURIComponent(token)}`;

export function addressConfirmationMail(to: { email: string; confirmToken: string; unsubscribeToken: string }): MailMessage {
  const site = env().SITE_NAME;
  const confirm = confirmAddressUrl(to.confirmToken);
  const stop = notificationUnsubscribePageUrl(to.unsubscribeToken);
  const intro = `Someone, we hope you, posted a comment on ${site} with this address and asked to be emailed when someone replies.`;
  const ask = "Confirm your address to get those mails:";
  const ignore = "If it was not you, ignore this mail: nothing more is sent unless the address is confirmed.";
  const stopText = "Never send mail to this address again";
  return {
    to: to.email,
    subject: `Confirm your address to get replies on ${site}`,
    text: [intro, "", ask, confirm, "", ignore, "", `${stopText}: ${stop}`, ""].join("\n"),
    html: htmlDocument(
      `<p>${escapeHtml(intro)}</p><p>${escapeHtml(ask)}<br><a href="${escapeHtml(confirm)}">${escapeHtml(confirm)}</a></p>` +
        `<p>${escapeHtml(ignore)}</p><hr><p style="font-size:0.85em;color:#5b6068"><a href="${escapeHtml(stop)}">${stopText}</a></p>`,
    ),
  };
}
