// Property tests of the Markdown renderer, both flavours, over Markdown from strangers: attack
// fragments mixed with any Unicode, NUL, lone surrogates, bidi overrides, zero-width characters,
// CR/LF, and 100 KiB sources. It must always answer (a throw fails every page showing the
// text), and what it answers must hold no script: its output is parsed again (with
// sanitize-html's own HTML parser) and every tag, attribute and URL in it checked. Every case
// has a time budget, and a failure names the seed that replays it (tests/support/property-runs.ts).
import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { hostileMarkdown, hugeString } from "../../tests/support/hostile-strings";
import { assertProperty, timedProperty } from "../../tests/support/property-runs";
import { excerptOf, markdownToText, renderMarkdown, type MarkdownFlavour } from "./render";
import { cpuMsOf } from "@/tests/support/cpu-time";

const COMMENT_TAGS = ["p", "br", "em", "strong", "del", "a", "blockquote", "code", "pre", "ul", "ol", "li"];
const ALLOWED: Record<MarkdownFlavour, { tags: string[]; attributes: Record<string, string[]> }> = {
  comment: { tags: COMMENT_TAGS, attributes: { a: ["href", "title", "rel"], ol: ["start"], code: ["class"] } },
  article: {
    tags: [...COMMENT_TAGS, "h2", "h3", "h4", "hr", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td"],
    attributes: { a: ["href", "title", "rel"], img: ["src", "alt", "title"], ol: ["start"], code: ["class"] },
  },
};
const flavours = ["comment", "article"] as const;

/** What a browser makes of a URL attribute before it looks for a scheme (WHATWG URL parsing). */
const browserUrl = (value: string) => value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");

/** Every problem with rendered HTML; an empty list when it is safe to put in a page. */
function problemsIn(html: string, flavour: MarkdownFlavour): string[] {
  const problems: string[] = [];
  if (/<\s*\/?\s*script/i.test(html)) problems.push("a <script tag");
  if (html.includes("\0")) problems.push("a NUL");
  // Tags as the raw text has them, quoted attribute values taken out: no event handler may remain.
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    if (/[\s/]on[a-z]+\s*=/i.test(tag.replace(/"[^"]*"|'[^']*'/g, '""'))) problems.push(`an event handler in ${tag}`);
  }
  // And as a parser sees them, entities decoded.
  const { tags, attributes } = ALLOWED[flavour];
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    onOpenTag: (name, attribs) => {
      if (!tags.includes(name)) problems.push(`a <${name}> tag`);
      for (const [attr, value] of Object.entries(attribs)) {
        if (!(attributes[name] ?? []).includes(attr)) problems.push(`a ${attr} attribute on <${name}>`);
        if (attr !== "href" && attr !== "src") continue;
        const url = browserUrl(value);
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
        const schemes = attr === "src" ? ["http", "https"] : ["http", "https", "mailto"];
        if (scheme !== undefined && !schemes.includes(scheme)) problems.push(`a ${scheme}: URL in ${attr}`);
        if (/^[/\\]{2}/.test(url)) problems.push(`a protocol-relative URL in ${attr}`);
      }
    },
  });
  return problems;
}

describe("the checker itself", () => {
  it.each([
    ['<p><script>alert(1)</script></p>', "a <script tag"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "a javascript: URL in href"],
    ['<a href=" &#1;javascript:alert(1)">x</a>', "a javascript: URL in href"],
    ['<img src="data:image/png;base64,AAAA" />', "a data: URL in src"],
    ['<a href="vbscript:x">x</a>', "a vbscript: URL in href"],
    ['<a href="/\\evil.example">x</a>', "a protocol-relative URL in href"],
    ['<p onclick="x()">x</p>', "an event handler in <p onclick=\"x()\">"],
    ["<p/onmouseover=x>y</p>", "an event handler in <p/onmouseover=x>"],
    ['<svg><a href="https://x">x</a></svg>', "a <svg> tag"],
  ])("finds the problem in %s", (html, problem) => {
    expect(problemsIn(html, "article")).toContain(problem);
  });

  it("passes the renderer's ordinary output, quoted text that mentions attributes included", () => {
    const html = renderMarkdown('[a](https://example.com "t onclick=1") ![i](https://example.com/i.png) `x` **b**', "article");
    expect(problemsIn(html, "article")).toEqual([]);
  });
});

describe.each(flavours)("renderMarkdown (%s) under hostile input", (flavour) => {
  it("always answers, with nothing that runs, on Markdown full of attack fragments and odd characters", () => {
    assertProperty(
      timedProperty(hostileMarkdown(), (source) => {
        expect(problemsIn(renderMarkdown(source, flavour), flavour)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  // Generous bounds (this may run on a loaded machine); each shape below took from seconds to
  // minutes before the renderer bounded marked's quadratic paths.
  it("answers 100 KiB sources in bounded time", () => {
    assertProperty(
      timedProperty(
        hugeString(),
        (source) => {
          expect(problemsIn(renderMarkdown(source, flavour), flavour)).toEqual([]);
        },
        3_000,
      ),
      { numRuns: 4 },
    );
  });

  it.each([
    ["unclosed openers", "(*a"],
    ["underscores by zero-width spaces", "_\u200B"],
    ["underscores by unassigned code points", "_\u0378"],
    ["strikethrough openers", "(~a"],
    ["a run of address characters cut by underscores", "a_"],
    ["the same cut by exclamation marks", "a!"],
  ])("renders 100 KiB of %s in bounded time", (_name, unit) => {
    let html = "";
    expect(cpuMsOf(() => (html = renderMarkdown(unit.repeat(Math.ceil(100_000 / unit.length)), flavour)))).toBeLessThan(3_000);
    expect(problemsIn(html, flavour)).toEqual([]);
  });

  // A couple of thousand characters nested deep used to exhaust marked's call stack: one comment
  // like these made every page showing it fail.
  it.each([
    [">", ">".repeat(10_000)],
    ["- ", "- ".repeat(5_000)],
    ["> - ", "> - ".repeat(2_500)],
    ["1. ", "1. ".repeat(3_000)],
    ["*", `${"*".repeat(5_000)}a${"*".repeat(5_000)}`],
    ["<script> in deep nesting", `${">".repeat(5_000)} <script>alert(1)</script>\n\n[x](javascript:alert(1))`],
  ])("answers deep nesting (%s) as plain text", (_name, source) => {
    const html = renderMarkdown(source, flavour);
    expect(problemsIn(html, flavour)).toEqual([]);
    expect(html.length).toBeGreaterThan(0);
  });
});

describe("plain text of hostile Markdown (excerpts, feeds, meta descriptions)", () => {
  it("always answers, without NUL", () => {
    assertProperty(
      timedProperty(hostileMarkdown(), (source) => {
        expect(markdownToText(source).includes("\0")).toBe(false);
        expect(excerptOf(source, 50).length).toBeLessThanOrEqual(51);
      }),
      { numRuns: 200 },
    );
  });

  it("answers deep nesting", () => {
    expect(markdownToText(`${"> ".repeat(5_000)}deep`)).toContain("deep");
  });
});
