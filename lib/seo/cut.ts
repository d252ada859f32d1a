// Search engines and link previews cut long titles and descriptions wherever the pixels run out,
// often mid-word. Cut them first, at a word, so what is shown ends cleanly with an ellipsis.
export const TITLE_MAX = 70;
export const DESCRIPTION_MAX = 160;

const ELLIPSIS = "…";

/** The text with its whitespace collapsed, at most `max` characters, cut after a whole word. */
export function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const room = chars.slice(0, max - ELLIPSIS.length + 1).join("");
  // The character after the room tells whether its last word is whole.
  const lastSpace = room.lastIndexOf(" ");
  // One enormous word is cut where it must be, rather than left out altogether.
  const kept = lastSpace > 0 ? room.slice(0, lastSpace) : Array.from(room).slice(0, max - ELLIPSIS.length).join("");
  return `${kept.replace(/[\s,;:.!?–—-]+$/u, "")}${ELLIPSIS}`;
}

/** A page's own part of the <title>, leaving room for the " | Site" the layout appends. */
export function pageTitle(text: string, siteName: string): string {
  return cutAtWord(text, TITLE_MAX - ` | ${siteName}`.length);
}

export function description(text: string): string {
  return cutAtWord(text, DESCRIPTION_MAX);
}
