// The daily digest as one subscriber receives it: every article of the day with its dept line,
// author and excerpt, in plain text and HTML. Article text is the authors' (plain excerpts, never
// rendered Markdown) and is escaped in the HTML.
import { env } from "../env";
import type { MailMessage } from "../mail/send";
import { escapeHtml, htmlDocument } from "../mail/html";
import { listHeaders, mailFooter, NEWSLETTER_NAME } from "./mails";
import type { DigestArticle, DigestRecipient } from "./queries";

const countOf = (n: number) => `${n} article${n === 1 ? "" : "s"}`;

function articleText(a: DigestArticle, siteUrl: string): string {
  return [a.title, `from the ${a.dept} dept, by ${a.authorName}`, a.excerpt, `Read it: ${siteUrl}/articles/${a.slug}`].join("\n");
}

function articleHtml(a: DigestArticle, siteUrl: string): string {
  const url = escapeHtml(`${siteUrl}/articles/${a.slug}`);
  return [
    `<h2 style="font-family:system-ui,sans-serif;font-size:1.2em;margin:1.5em 0 0.2em"><a href="${url}" style="color:#1f4fa3">${escapeHtml(a.title)}</a></h2>`,
    `<p style="margin:0;color:#5b6068;font-style:italic">from the ${escapeHtml(a.dept)} dept, by ${escapeHtml(a.authorName)}</p>`,
    `<p>${escapeHtml(a.excerpt)} <a href="${url}" style="color:#1f4fa3">Read more</a></p>`,
  ].join("");
}

/** The digest of `day` (YYYY-MM-DD, UTC) for one recipient: their own unsubscribe link and headers. */
export function digestMail(day: string, articles: DigestArticle[], recipient: DigestRecipient): MailMessage {
  const { siteUrl, SITE_NAME } = env();
  const footer = mailFooter(recipient.unsubscribeToken);
  const intro = `${countOf(articles.length)} published on ${day} (UTC).`;
  return {
    to: recipient.email,
    subject: `${SITE_NAME} ${NEWSLETTER_NAME}, ${day}: ${countOf(articles.length)}`,
    text: [`${SITE_NAME} ${NEWSLETTER_NAME}`, intro, ...articles.map((a) => articleText(a, siteUrl)), footer.text].join("\n\n") + "\n",
    html: htmlDocument(
      [
        `<h1 style="font-family:system-ui,sans-serif;font-size:1.5em;margin:0">${escapeHtml(SITE_NAME)} ${NEWSLETTER_NAME}</h1>`,
        `<p style="color:#5b6068">${escapeHtml(intro)}</p>`,
        ...articles.map((a) => articleHtml(a, siteUrl)),
        footer.html,
      ].join(""),
    ),
    headers: listHeaders(recipient.unsubscribeToken),
  };
}
