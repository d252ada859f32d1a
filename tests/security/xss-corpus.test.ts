// The whole stored-XSS corpus (tests/support/xss-payloads.ts) where it is decided: the Markdown
// renderer of comments and articles, the RSS writer, and the schemas that take the text in.
// Nothing executable may come out of the renderer (no element outside the allow-list, no script
// element, no handler attribute, no script URL in href/src), every feed must be well-formed XML
// that parses back to exactly the text that went in, and the schemas store what was typed,
// escaping nothing (escaping is the pages' and the feeds' job). Chromium reads a handful of the
// payloads on every kind of page (e2e/comments-xss.spec.ts, e2e/security-xss-sitewide.spec.ts).
import { XMLParser, XMLValidator } from "fast-xml-parser";
// htmlparser2 is sanitize-html's own parser: here it only reads the output back as a tree.
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { ArticleInput, DEPT_MAX, EXCERPT_MAX, TAG_MAX, TITLE_MAX } from "../../lib/articles/schemas";
import { AnonymousPoster, CreateCommentInput } from "../../lib/comments/schemas";
import { buildRss } from "../../lib/feeds/rss";
import { renderMarkdown, type MarkdownFlavour } from "../../lib/markdown/render";
import { cleanText, stripBidiControls } from "../../lib/text";
import { UpdateProfileInput } from "../../lib/users/schemas";
import { BROWSER_XSS_PAYLOADS, WEBSITE_PAYLOADS, XSS_PAYLOADS } from "../support/xss-payloads";

const COMMENT_TAGS = ["p", "br", "em", "strong", "del", "a", "blockquote", "code", "pre", "ul", "ol", "li"];
const ALLOWED_TAGS: Record<MarkdownFlavour, string[]> = {
  comment: COMMENT_TAGS,
  article: [...COMMENT_TAGS, "h2", "h3", "h4", "hr", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td"],
};
const ALLOWED_ATTRIBUTES = ["href", "title", "rel", "class", "start", "src", "alt"];
const SCHEMES = { href: ["http", "https", "mailto"], src: ["http", "https"] };

/** The scheme a browser would see: it ignores spaces and control characters in a URL. */
const schemeOf = (url: string) => /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007F]/g, ""))?.[1].toLowerCase() ?? null;

/** Whatever in rendered HTML could run or escape its place, read back as a browser's parser would build it. */
function problemsOf(html: string, flavour: MarkdownFlavour): string[] {
  const problems: string[] = [];
  if (/<\s*\/?\s*(script|iframe|object|embed|style|svg|math|base|meta|form|input|body|noscript|textarea|title)\b/i.test(html)) problems.push(`raw markup in ${html.slice(0, 80)}`);
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true });
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    if (!ALLOWED_TAGS[flavour].includes(el.name)) problems.push(`<${el.name}> outside the allow-list`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`handler ${name} on <${el.name}>`);
      if (!ALLOWED_ATTRIBUTES.includes(name)) problems.push(`attribute ${name} on <${el.name}>`);
      if (name === "href" || name === "src") {
        const scheme = schemeOf(value);
        if (scheme !== null && !SCHEMES[name].includes(scheme)) problems.push(`${name}=${JSON.stringify(value)} on <${el.name}>`);
        if (/^\s*\/\//.test(value)) problems.push(`protocol-relative ${name}=${JSON.stringify(value)}`);
      }
    }
  }
  return problems;
}

const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** What an XML parser gives back of a value the writer was handed: the characters XML cannot carry are gone. */
const inXml = (s: string) => s.replace(INVALID_XML, "");
const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: false, isArray: (name) => name === "item" });

describe("the stored-XSS corpus", () => {
  it("holds the whole corpus, and the browser's handful comes from it", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(76);
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    for (const p of BROWSER_XSS_PAYLOADS) expect(XSS_PAYLOADS).toContain(p);
  });

  it("has an audit that sees what it looks for", () => {
    expect(problemsOf(`<p onclick="x">a</p>`, "comment")).toEqual(["handler onclick on <p>", "attribute onclick on <p>"]);
    expect(problemsOf(`<a href="jav&#x09;ascript:alert(1)">a</a>`, "comment")).toEqual([`href=${JSON.stringify("jav\tascript:alert(1)")} on <a>`]);
    expect(problemsOf(`<img src="data:image/png;base64,AA">`, "article")).toEqual([`src="data:image/png;base64,AA" on <img>`]);
    expect(problemsOf(`<img src="https://x.example/a.png">`, "comment")).toEqual(["<img> outside the allow-list"]);
    expect(problemsOf(`<script>alert(1)</script>`, "article")).toContain("<script> outside the allow-list");
    expect(problemsOf(`<a href="https://ok.example/" title="t" rel="noopener">ok</a>`, "comment")).toEqual([]);
  });

  describe.each(["comment", "article"] as const)("rendered as a %s", (flavour) => {
    it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p]))("payload %i leaves nothing that runs, and something readable", (_, payload) => {
      const html = renderMarkdown(payload, flavour);
      expect(problemsOf(html, flavour)).toEqual([]);
      const doc = parseDocument(html, { decodeEntities: true });
      // Text is left of every payload, or (in an article) an image stripped of its script URL.
      const text = DomUtils.textContent(doc).trim();
      expect(text !== "" || DomUtils.findOne((el) => el.name === "img", doc.children) !== null).toBe(true);
    });

    it("renders the whole corpus as one text with nothing that runs", () => {
      const html = renderMarkdown(XSS_PAYLOADS.join("\n\n"), flavour);
      expect(problemsOf(html, flavour)).toEqual([]);
      // Typed markup is shown, not obeyed.
      expect(DomUtils.textContent(parseDocument(html, { decodeEntities: true }))).toContain("<script>alert(1)</script>");
    });
  });

  it("gives a well-formed feed for every payload as a title, an author and a description, which parses back to exactly that text", () => {
    for (const payload of XSS_PAYLOADS) {
      const items = (["comment", "article"] as const).map((flavour) => ({
        title: payload,
        link: "https://dept.example/articles/a",
        guid: `https://dept.example/comments/${flavour}`,
        pubDate: "2026-11-20T10:00:00.000Z",
        author: payload,
        descriptionHtml: renderMarkdown(payload, flavour),
      }));
      const feed = buildRss({ title: `Comments on: ${payload}`, link: "https://dept.example", selfLink: "https://dept.example/feed.xml", description: `The discussion under "${payload}" on Dept`, items });
      const what = JSON.stringify(payload);
      expect(XMLValidator.validate(feed), what).toBe(true);
      expect(feed, what).not.toContain("<![CDATA[");
      expect(feed, what).not.toContain("]]>");
      expect(feed, what).not.toMatch(/<(script|img|svg|iframe|style|body|a|b|details|input|description>\s*<script)\b/i);
      const channel = xml.parse(feed).rss.channel;
      expect(channel.title, what).toBe(inXml(`Comments on: ${payload}`));
      expect(channel.description, what).toBe(inXml(`The discussion under "${payload}" on Dept`));
      expect(channel.item).toHaveLength(2);
      for (const [i, item] of (channel.item as Record<string, string>[]).entries()) {
        expect(item.title, what).toBe(inXml(payload));
        expect(item["dc:creator"], what).toBe(inXml(payload));
        expect(item.description, what).toBe(inXml(items[i].descriptionHtml));
        expect(problemsOf(item.description, i === 0 ? "comment" : "article"), what).toEqual([]);
      }
    }
  });

  it("stores every payload as typed: comment subjects and bodies, article fields, profile names and bios", () => {
    const oneLine = (s: string) => cleanText(s).replace(/\s+/g, " ").trim();
    for (const payload of XSS_PAYLOADS) {
      const what = JSON.stringify(payload);
      const comment = CreateCommentInput.safeParse({ articleId: "a1", subject: payload.replace(/[\r\n]/g, "").slice(0, 120), body: payload });
      expect(comment.success, what).toBe(true);
      if (comment.success) {
        expect(comment.data.body, what).toBe(cleanText(payload, { multiline: true }).trim());
        expect(comment.data.subject, what).toBe(cleanText(payload.replace(/[\r\n]/g, "").slice(0, 120)).trim());
      }
      const article = ArticleInput.safeParse({ title: payload.slice(0, TITLE_MAX), dept: payload.slice(0, DEPT_MAX), slug: "xss-1", tags: `t1 ${payload}`.slice(0, TAG_MAX), body: payload, excerpt: payload.slice(0, EXCERPT_MAX) });
      expect(article.success, what).toBe(true);
      if (article.success) expect(article.data.title, what).toBe(oneLine(payload.slice(0, TITLE_MAX)));
      // A name is one line; one with a control character is refused, not silently changed.
      const name = payload.replace(/[\r\n]/g, "").slice(0, 60);
      const profile = UpdateProfileInput.safeParse({ name, handle: "xss_member", bio: payload.slice(0, 500) });
      const hasControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(payload);
      expect(profile.success, what).toBe(!hasControl);
      if (profile.success) {
        expect(profile.data.name, what).toBe(stripBidiControls(name.toWellFormed()).trim());
        expect(profile.data.bio, what).toBe(payload.slice(0, 500).toWellFormed().trim());
      }
    }
  });

  it("refuses script schemes as an anonymous poster's website, and keeps any other as an http(s) address", () => {
    for (const { url, mustRefuse } of WEBSITE_PAYLOADS) {
      const parsed = AnonymousPoster.safeParse({ anonName: "", anonEmail: "a@example.net", anonWebsite: url });
      if (mustRefuse) expect(parsed.success, url).toBe(false);
      else if (parsed.success) expect(parsed.data.anonWebsite, url).toMatch(/^https?:\/\//);
    }
  });
});
