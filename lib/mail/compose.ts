// An account mail: a few paragraphs and links, written once and rendered as plain text and as
// HTML alike, so the two halves can never say different things.
import { escapeHtml, htmlDocument } from "./html";
import type { MailMessage } from "./send";

/** A paragraph of text, or a link on its own line ("Label:\nURL" in the text half). */
export type MailPart = string | { href: string; label: string };

export function composeMail(to: string, subject: string, parts: MailPart[]): MailMessage {
  const text = parts.map((part) => (typeof part === "string" ? part : `${part.label}:\n${part.href}`)).join("\n\n");
  const html = parts
    .map((part) => (typeof part === "string" ? `<p>${escapeHtml(part)}</p>` : `<p><a href="${escapeHtml(part.href)}">${escapeHtml(part.label)}</a></p>`))
    .join("");
  return { to, subject, text: `${text}\n`, html: htmlDocument(html) };
}
