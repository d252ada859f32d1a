// Quoting is how these discussions answer a point: the quoted text becomes a Markdown
// blockquote at the top of the reply, with a blank line after it for the answer.

/** `text` as a Markdown blockquote (ending in a blank line), or "" when there is nothing to quote. */
export function quoteMarkdown(text: string, attribution?: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.trimEnd());
  while (lines.length && !lines[0]) lines.shift();
  while (lines.length && !lines.at(-1)) lines.pop();
  if (lines.length === 0) return "";
  // Runs of blank lines collapse to one: a quote keeps its paragraphs, not the page's spacing.
  const quoted = lines.filter((line, i) => line || lines[i - 1]).map((line) => (line ? `> ${line}` : ">"));
  const header = attribution ? `${attribution} wrote:\n\n` : "";
  return `${header}${quoted.join("\n")}\n\n`;
}

/** Adds a quote to what is already in a comment box, keeping a blank line between the two. */
export function insertQuote(current: string, start: number, end: number, quote: string): { value: string; caret: number } {
  const before = current.slice(0, start);
  const after = current.slice(end);
  const gap = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const value = `${before}${gap}${quote}${after}`;
  return { value, caret: before.length + gap.length + quote.length };
}
