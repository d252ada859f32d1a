import { describe, expect, it } from "vitest";
import { excerptOf, markdownToText, renderMarkdown } from "./render";

describe("renderMarkdown (comments)", () => {
  it("renders the allowed subset: paragraphs, emphasis, quotes, code, lists, links", () => {
    const html = renderMarkdown("Hello *there*\n\n> quoted **line**\n\n- one\n- two\n\n`code` and [site](https://example.com)");
    expect(html).toContain("<em>there</em>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<strong>line</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">site</a>');
  });

  it("shows raw HTML as text instead of running it", () => {
    const html = renderMarkdown('<script>alert(1)</script> <b onclick="x()">bold</b>');
    expect(html).not.toMatch(/<script|<b[\s>]/i);
    expect(html).toContain("&lt;b onclick=");
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: and data: links but keeps their text", () => {
    const html = renderMarkdown("[a](javascript:alert(1)) [b](data:text/html,hi) [c](JaVaScRiPt:alert(1))");
    expect(html).not.toMatch(/javascript:|data:/i);
    expect(html).toContain(">a<");
  });

  it("turns images into links in comments", () => {
    const html = renderMarkdown("![a cat](https://example.com/cat.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://example.com/cat.png"');
  });

  it("keeps relative and mailto links", () => {
    expect(renderMarkdown("[x](/articles/a) [m](mailto:a@example.com)")).toMatch(/href="\/articles\/a".*href="mailto:a@example.com"/);
  });

  it("strips NUL characters", () => {
    expect(renderMarkdown("a\0b")).toBe("<p>ab</p>\n");
  });
});

describe("renderMarkdown (articles)", () => {
  it("allows images and headings, demoting h1 to h2, and still no scripts", () => {
    const html = renderMarkdown("# Title\n\n![alt](https://example.com/a.png)\n\n<img src=x onerror=alert(1)>", "article");
    expect(html).toContain("<h2>Title</h2>");
    expect(html).toContain('<img src="https://example.com/a.png" alt="alt" />');
    expect(html).not.toMatch(/<img[^>]*onerror/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("excerpts", () => {
  it("gives plain text without markup", () => {
    expect(markdownToText("Some *text* with a [link](https://example.com) & more")).toBe("Some text with a link & more");
  });

  it("cuts long text at a word boundary with an ellipsis", () => {
    const excerpt = excerptOf("word ".repeat(200), 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt.endsWith("word…")).toBe(true);
  });
});
