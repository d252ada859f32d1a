// The notification mails, in plain text and HTML: one about a discussion (one reply, or several
// batched by the hourly limit) and the daily digest. Everything users wrote (names, subjects,
// text) is escaped for the HTML part; every mail carries the RFC 8058 one-click unsubscribe
// headers, an unsubscribe link and a link to the member's settings.
import { env } from "../env";
import { escapeHtml, htmlDocument } from "../mail/html";
import type { MailMessage } from "../mail/send";
import { DIGEST_LISTED_ITEMS } from "./mail-policy";

export type MailItem = {
  kind: "reply" | "followed";
  commentId: string;
  author: string;
  subject: string;
  excerpt: string;
  articleId: string;
  articleTitle: string;
};

export type MailRecipient = { kind: "member" | "address"; email: string; token: string };

const withToken = (path: string, token: string) => `${env().siteUrl}${path}?token=${encodeURIComponent(token)}`;
/** The page that asks before unsubscribing (a link scanner's GET changes nothing). */
export const notificationUnsubscribePageUrl = (token: string) => withToken("/notifications/unsubscribe", token);
/** Where mail clients POST a one-click unsubscribe (RFC 8058). */
export const notificationOneClickUrl = (token: string) => withToken("/api/notifications/unsubscribe", token);
export const settingsUrl = () => `${env().siteUrl}/settings#notifications`;
export const commentUrl = (commentId: string) => `${env().siteUrl}/comments/${commentId}`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function footer(to: MailRecipient): { text: string; html: string } {
  const site = env().SITE_NAME;
  const unsubscribe = notificationUnsubscribePageUrl(to.token);
  if (to.kind === "address") {
    const why = `You get this mail because you asked ${site} to tell you about replies, and confirmed this address.`;
    const stop = "Stop all mail to this address";
    return {
      text: `--\n${why}\n${stop}: ${unsubscribe}`,
      html: `<hr><p style="font-size:0.85em;color:#5b6068">${escapeHtml(why)} <a href="${escapeHtml(unsubscribe)}">${stop}</a></p>`,
    };
  }
  const why = `You get this mail because of your notification settings on ${site}.`;
  return {
    text: `--\n${why}\nManage your notification settings: ${settingsUrl()}\nUnsubscribe from notification mail: ${unsubscribe}`,
    html:
      `<hr><p style="font-size:0.85em;color:#5b6068">${escapeHtml(why)} <a href="${escapeHtml(settingsUrl())}">Manage your notification settings</a>` +
      ` · <a href="${escapeHtml(unsubscribe)}">Unsubscribe from notification mail</a></p>`,
  };
}

function itemLine(item: MailItem): string {
  return item.kind === "reply" ? `${item.author} replied to your comment` : `${item.author} commented in a discussion you follow`;
}

function itemText(item: MailItem, withArticle: boolean): string {
  const where = withArticle ? ` on "${item.articleTitle}"` : "";
  return [`${itemLine(item)}${where}:`, item.subject ? `  ${item.subject}` : null, item.excerpt ? `  ${item.excerpt}` : null, `  ${commentUrl(item.commentId)}`]
    .filter((line) => line !== null)
    .join("\n");
}

function itemHtml(item: MailItem, withArticle: boolean): string {
  const where = withArticle ? ` on “${escapeHtml(item.articleTitle)}”` : "";
  const subject = item.subject ? `<strong>${escapeHtml(item.subject)}</strong><br>` : "";
  const excerpt = item.excerpt ? `${escapeHtml(item.excerpt)}<br>` : "";
  const link = commentUrl(item.commentId);
  return `<li><p>${escapeHtml(itemLine(item))}${where}:<br>${subject}${excerpt}<a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p></li>`;
}

function compose(to: MailRecipient, subject: string, intro: string, items: MailItem[], total: number, withArticle: boolean): MailMessage {
  const more = total - items.length;
  const moreText = more > 0 ? `…and ${more} more: ${env().siteUrl}/notifications` : null;
  const f = footer(to);
  const text = [intro, "", items.map((i) => itemText(i, withArticle)).join("\n\n"), moreText ? `\n${moreText}` : null, "", f.text, ""]
    .filter((line) => line !== null)
    .join("\n");
  const moreHtml = moreText ? `<p>…and ${more} more on <a href="${escapeHtml(`${env().siteUrl}/notifications`)}">your notifications page</a>.</p>` : "";
  const html = htmlDocument(`<p>${escapeHtml(intro)}</p><ul>${items.map((i) => itemHtml(i, withArticle)).join("")}</ul>${moreHtml}${f.html}`);
  return {
    to: to.email,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${notificationOneClickUrl(to.token)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** One mail about one discussion: a single reply, or those the hourly limit held back. */
export function discussionMail(to: MailRecipient, items: MailItem[]): MailMessage {
  const title = items[0].articleTitle;
  const allReplies = items.every((i) => i.kind === "reply");
  const subject =
    items.length === 1
      ? items[0].kind === "reply"
        ? `${items[0].author} replied to your comment on ${title}`
        : `${items[0].author} commented in ${title}`
      : `${plural(items.length, "new reply", allReplies ? "new replies" : "new comments")} in ${title}`;
  const intro = items.length === 1 ? `On "${title}":` : `${plural(items.length, "new comment", "new comments")} on "${title}" since the last mail:`;
  return compose(to, subject, intro, items.slice(0, DIGEST_LISTED_ITEMS), items.length, false);
}

/** The daily digest: every item due, the first DIGEST_LISTED_ITEMS of them listed. */
export function digestMail(to: MailRecipient, items: MailItem[]): MailMessage {
  const intro = `${plural(items.length, "new reply or comment", "new replies and comments")} for you on ${env().SITE_NAME}:`;
  return compose(to, `Your daily replies digest (${items.length})`, intro, items.slice(0, DIGEST_LISTED_ITEMS), items.length, true);
}
