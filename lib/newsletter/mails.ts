// The newsletter's mails, each in plain text and HTML, and what every one of them carries: an
// unsubscribe link in the body and List-Unsubscribe headers (RFC 2369, with RFC 8058 one-click).
import { env } from "../env";
import { escapeHtml, htmlDocument } from "../mail/html";
import type { MailMessage } from "../mail/send";

export const NEWSLETTER_NAME = "Daily Newsletter";

const withToken = (path: string, token: string) => `${env().siteUrl}${path}?token=${encodeURIComponent(token)}`;

export const confirmUrl = (token: string) => withToken("/newsletter/confirm", token);
/** The page a person lands on: it asks before unsubscribing, so link scanners change nothing. */
export const unsubscribePageUrl = (token: string) => withToken("/newsletter/unsubscribe", token);
/** Where mail clients POST a one-click unsubscribe (a GET there shows the page above). */
export const oneClickUnsubscribeUrl = (token: string) => withToken("/api/newsletter/unsubscribe", token);

export function listHeaders(unsubscribeToken: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(unsubscribeToken)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The closing lines every newsletter mail ends with, in both forms. */
export function mailFooter(unsubscribeToken: string): { text: string; html: string } {
  const url = unsubscribePageUrl(unsubscribeToken);
  return {
    text: `--\nYou get this mail from the ${env().SITE_NAME} ${NEWSLETTER_NAME}.\nUnsubscribe: ${url}`,
    html: `<hr><p style="font-size:0.85em;color:#5b6068">You get this mail from the ${escapeHtml(env().SITE_NAME)} ${NEWSLETTER_NAME}. <a href="${escapeHtml(url)}">Unsubscribe</a></p>`,
  };
}

type Tokens = { confirmToken: string; unsubscribeToken: string };

export function confirmationMail(to: string, tokens: Tokens): MailMessage {
  const site = env().SITE_NAME;
  const link = confirmUrl(tokens.confirmToken);
  const footer = mailFooter(tokens.unsubscribeToken);
  const intro = `Someone, hopefully you, asked to get the ${site} ${NEWSLETTER_NAME} at this address.`;
  const ignore = "If that was not you, ignore this mail: nothing is sent until the link is opened.";
  return {
    to,
    subject: `Confirm your subscription to the ${site} ${NEWSLETTER_NAME}`,
    text: `${intro}\n\nConfirm your subscription:\n${link}\n\n${ignore}\n\n${footer.text}\n`,
    html: htmlDocument(
      `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">Confirm your subscription</a></p><p>${escapeHtml(ignore)}</p>${footer.html}`,
    ),
    headers: listHeaders(tokens.unsubscribeToken),
  };
}

/** Sent instead of a confirmation when the address is already confirmed (see subscribe()). */
export function alreadySubscribedMail(to: string, unsubscribeToken: string): MailMessage {
  const site = env().SITE_NAME;
  const footer = mailFooter(unsubscribeToken);
  const body = `Someone, hopefully you, asked to get the ${site} ${NEWSLETTER_NAME} at this address. It is already subscribed, so nothing changes.`;
  return {
    to,
    subject: `You're already subscribed to the ${site} ${NEWSLETTER_NAME}`,
    text: `${body}\n\n${footer.text}\n`,
    html: htmlDocument(`<p>${escapeHtml(body)}</p>${footer.html}`),
    headers: listHeaders(unsubscribeToken),
  };
}
