// The "Formatting help" table under the comment box: what a comment's Markdown turns into. It
// follows lib/markdown/render.ts's allow-list for comments (formatting-help.test.ts renders
// every example through it).

export type FormattingRow = { write: string; get: string };

export const FORMATTING_ROWS: readonly FormattingRow[] = [
  { write: "*emphasis*", get: "emphasis (italics)" },
  { write: "**strong**", get: "strong (bold)" },
  { write: "~~struck out~~", get: "struck-out text" },
  { write: "[a link](https://example.com)", get: "a link (http, https or mailto)" },
  { write: "> quoted words", get: "a quotation" },
  { write: "`code`", get: "code within a line" },
  { write: "```\nlines of code\n```", get: "a block of code" },
  { write: "- an item", get: "a bulleted list" },
  { write: "1. an item", get: "a numbered list" },
];

export const FORMATTING_NOTE = "Leave a blank line between paragraphs. Images become links; headings, tables and HTML tags show as plain text.";
