// Next's ImageResponse draws text with its bundled Geist font and, for any character that font
// lacks (emoji, most scripts beyond Latin and Cyrillic), fetches another font or an emoji image
// from the network while rendering. A preview image must never wait on the network, so text is
// reduced to the characters Geist has (its cmap, read from the font file next ships) first.
const GEIST = /[\u0020-\u007E\u00A0-\u00AC\u00AE-\u0113\u0116-\u012B\u012E-\u0137\u0139-\u013E\u0141-\u0148\u014A-\u014D\u0150-\u017E\u0400-\u045F\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u20AC]/u;
const COMBINING = /\p{M}/u;

/** The text with what Geist cannot draw left out; accented letters it lacks lose their accent. */
export function drawableText(text: string): string {
  let out = "";
  for (const char of text.replace(/\s+/g, " ")) {
    if (GEIST.test(char)) out += char;
    else for (const part of char.normalize("NFKD")) if (!COMBINING.test(part) && GEIST.test(part)) out += part;
  }
  return out.replace(/ {2,}/g, " ").trim();
}
