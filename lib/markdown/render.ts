// Markdown from users is untrusted: raw HTML in the source is shown as text, the output goes
// through an allow-list sanitizer, and only http(s), mailto and relative URLs survive.
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { boundedTokenizer, startBudget } from "./bounded-tokenizer";

export type MarkdownFlavour = "comment" | "article";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function makeParser(flavour: MarkdownFlavour): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    tokenizer: boundedTokenizer,
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
      // Comments carry no images: show the alt text as a link so nothing is lost.
      ...(flavour === "comment"
        ? { image: ({ href, text }: Tokens.Image) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>` }
        : {}),
    },
  });
}

const parsers: Record<MarkdownFlavour, Marked> = { comment: makeParser("comment"), article: makeParser("article") };

const commentTags = ["p", "br", "em", "strong", "del", "a", "blockquote", "code", "pre", "ul", "ol", "li"];
const articleTags = [...commentTags, "h2", "h3", "h4", "hr", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td"];

function sanitizerOptions(flavour: MarkdownFlavour): sanitizeHtml.IOptions {
  const rel = flavour === "comment" ? "nofollow ugc noopener" : "noopener";
  return {
    allowedTags: flavour === "comment" ? commentTags : articleTags,
    allowedAttributes: {
      a: ["href", "title", "rel"],
      img: ["src", "alt", "title"],
      ol: ["start"],
      code: ["class"],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel } }),
      // Headings in articles start at h2: the page title is the only h1.
      h1: "h2",
    },
  };
}

// marked parses nested blocks and emphasis recursively: a couple of thousand characters of ">" or
// "- " or "*" nested deep exhaust the call stack ("Maximum call stack size exceeded"), and one such
// comment would fail every page that shows it. What marked cannot parse is shown as plain
// paragraphs of escaped text instead: nothing is lost, nothing runs.
function parse(source: string, flavour: MarkdownFlavour): string {
  const text = source.replace(/\0/g, "");
  startBudget(text.length);
  try {
    return parsers[flavour].parse(text, { async: false }) as string;
  } catch {
    return text
      .split(/(?:\r?\n[ \t]*){2,}/)
      .filter((paragraph) => paragraph.trim() !== "")
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>\n`)
      .join("");
  }
}

export function renderMarkdown(source: string, flavour: MarkdownFlavour = "comment"): string {
  return sanitizeHtml(parse(source, flavour), sanitizerOptions(flavour));
}

/** Plain text of a Markdown source, for excerpts, feeds and meta descriptions. */
export function markdownToText(source: string): string {
  return sanitizeHtml(parse(source, "article"), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export function excerptOf(source: string, maxLength = 280): string {
  const text = markdownToText(source);
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength - 40)).trimEnd()}…`;
}
