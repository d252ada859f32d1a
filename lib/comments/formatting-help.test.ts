// The "Formatting help" table promises only what a comment's Markdown really does.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../markdown/render";
import { FORMATTING_NOTE, FORMATTING_ROWS } from "./formatting-help";

// What each row's example must turn into, as the sanitizer lets it through.
const EXPECTED: Record<string, RegExp> = {
  "*emphasis*": /<em>emphasis<\/em>/,
  "**strong**": /<strong>strong<\/strong>/,
  "~~struck out~~": /<del>struck out<\/del>/,
  "[a link](https://example.com)": /<a href="https:\/\/example\.com" rel="nofollow ugc noopener">a link<\/a>/,
  "> quoted words": /<blockquote>\s*<p>quoted words<\/p>\s*<\/blockquote>/,
  "`code`": /<code>code<\/code>/,
  "```\nlines of code\n```": /<pre><code>lines of code\s*<\/code><\/pre>/,
  "- an item": /<ul>\s*<li>an item<\/li>\s*<\/ul>/,
  "1. an item": /<ol>\s*<li>an item<\/li>\s*<\/ol>/,
};

describe("the formatting help", () => {
  it.each(FORMATTING_ROWS.map((row) => [row.write, row.get]))("%s gives %s", (write) => {
    expect(EXPECTED[write], `no expectation written for ${write}`).toBeDefined();
    expect(renderMarkdown(write, "comment")).toMatch(EXPECTED[write]);
  });

  it("is right about what does not work in comments", () => {
    expect(FORMATTING_NOTE).toMatch(/Images become links; headings, tables and HTML tags show as plain text/);
    expect(renderMarkdown("![a cat](https://example.com/cat.png)", "comment")).toMatch(/^<p><a href="https:\/\/example\.com\/cat\.png"[^>]*>a cat<\/a><\/p>/);
    expect(renderMarkdown("## Title", "comment").trim()).toBe("Title");
    expect(renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |", "comment")).not.toMatch(/<t[a-z]/);
    expect(renderMarkdown("<b>bold</b>", "comment")).toBe("<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
  });
});
