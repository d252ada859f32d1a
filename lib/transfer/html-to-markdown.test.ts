// Imported HTML as Markdown: what readers see after the site renders it is what the old site
// showed, minus anything that could run.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../markdown/render";
import { htmlToMarkdown } from "./html-to-markdown";

describe("htmlToMarkdown", () => {
  it("keeps the structure Markdown can hold", () => {
    const { markdown, removed } = htmlToMarkdown(
      '<h2>Heading</h2><p>A <strong>bold</strong>, <em>slanted</em> <a href="https://example.com/a">link</a> and <code>x*y</code>.</p>' +
        '<ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul><blockquote><p>said</p></blockquote><hr><pre><code class="language-py">print(1)</code></pre>',
    );
    expect(markdown).toBe(
      "## Heading\n\nA **bold**, *slanted* [link](https://example.com/a) and `x*y`.\n\n- one\n- two\n  1. inner\n\n> said\n\n---\n\n```py\nprint(1)\n```",
    );
    expect(removed).toEqual([]);
  });

  it("turns the classic editor's blank lines into paragraphs and <br> into line breaks", () => {
    expect(htmlToMarkdown("First line\nsame paragraph.\n\nSecond<br />broken.").markdown).toBe("First line same paragraph.\n\nSecond\\\nbroken.");
  });

  it("writes text that looks like Markdown so it stays text", () => {
    const { markdown } = htmlToMarkdown("<p>2 * 3 = [six] and _under_</p><p>1. not a list</p><p># not a heading</p>");
    expect(renderMarkdown(markdown, "article")).toBe("<p>2 * 3 = [six] and _under_</p>\n<p>1. not a list</p>\n<p># not a heading</p>\n");
  });

  it("leaves out what could run, names it, and keeps embeds as links", () => {
    const { markdown, removed } = htmlToMarkdown(
      '<p>Hi<script>alert(1)</script></p><style>p{}</style><iframe src="https://video.example/embed/1"></iframe><a href="javascript:alert(2)">click</a><img src="x" onerror="alert(3)">',
    );
    expect(removed).toEqual(["iframe (kept as a link)", "script", "style"]);
    const html = renderMarkdown(markdown, "article");
    expect(html).not.toMatch(/script|alert|onerror|javascript/i);
    expect(html).toContain('<a href="https://video.example/embed/1"');
    expect(markdown).toContain("click");
  });
});
