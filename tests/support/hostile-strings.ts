// Arbitraries (fast-check) for text from strangers: any Unicode, the characters that break
// storage or display (NUL, lone surrogates, bidi overrides, zero-width, CR/LF, other controls)
// and, for Markdown, the fragments that attacks are made of. Test-only: nothing in the app
// imports this file.
import fc from "fast-check";

/** Characters with a history: storage (NUL, lone halves of surrogate pairs), display (bidi, zero-width), line ends. */
export const TROUBLE_CHARS = [
  "\0", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B", "\u007F", "\u0085", // controls, NUL first
  "\r\n", "\r", "\n", "\t", "\u2028", "\u2029", // line ends of every kind
  "\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", // bidi
  "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u180E", "\u00AD", // zero-width
  "\uD800", "\uDBFF", "\uDC00", "\uDFFF", // lone surrogates
  "\u00A0", "\u3000", "\uFFFD", "\uFFFE", "\uFFFF", "\u{10FFFF}", "\u{1F600}", "e\u0301", "\u212A", "\u0130", "\u00DF", "\uFB03", // spaces, non-characters, case-mapping oddities
  "<", ">", "&", '"', "'", "`", "\\", // markup
] as const;

const one = (unit: "binary" | "grapheme") => fc.string({ unit, minLength: 1, maxLength: 1 });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const troubleChar = fc.constantFrom(...TROUBLE_CHARS);

/** One unit of hostile text: mostly any code point or grapheme, often a troublemaker. */
export const hostileUnit = fc.oneof(
  { arbitrary: one("binary"), weight: 3 },
  { arbitrary: one("grapheme"), weight: 2 },
  { arbitrary: troubleChar, weight: 3 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.constantFrom("a", "b", " ", "1", "-", "_", ".", "@"), weight: 2 },
);

/** Short hostile strings (up to `maxLength` units), also all-binary and all-grapheme ones. */
export function hostileString(maxLength = 80): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: hostileUnit, maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
  );
}

/** A valid value with trouble around and inside it, so the success path sees it too. */
export function soiled(valid: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.string({ unit: troubleChar, maxLength: 3 }), fc.nat(valid.length), fc.string({ unit: troubleChar, maxLength: 2 }), fc.string({ unit: troubleChar, maxLength: 3 }))
    .map(([before, at, inside, after]) => `${before}${valid.slice(0, at)}${inside}${valid.slice(at)}${after}`);
}

/** A form field: hostile text, one of the valid samples as is, or a sample soiled with trouble. */
export function field(...valid: string[]): fc.Arbitrary<string> {
  if (valid.length === 0) return hostileString();
  return fc.oneof(hostileString(), fc.constantFrom(...valid), fc.constantFrom(...valid).chain(soiled));
}

/** Huge text: a hostile seed repeated past `minBytes` UTF-16 units (100 KiB by default). */
export function hugeString(minUnits = 100 * 1024): fc.Arbitrary<string> {
  return fc.string({ unit: hostileUnit, minLength: 1, maxLength: 40 }).map((seed) => seed.repeat(Math.ceil(minUnits / seed.length)));
}

/** Markdown's own syntax and the fragments of XSS payloads, to be mixed with hostile units. */
const MARKDOWN_FRAGMENTS = [
  "<script>alert(1)</script>", "<script", "</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">", "<iframe src=//x>",
  "<style>", "<base href=//x>", "<!--", "-->", "<![CDATA[", "]]>", "<details open ontoggle=alert(1)>",
  "[x](", "](", ")", "(", "[", "]", "![", "<", ">", "\"", "'", "`", "```", "~~~", "*", "_", "**", "~~", "#", "|", "\\", "&", "&#", ";",
  "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:", "java&#x09;script:", "&#106;avascript:", "&#x6A;avascript:", "javascript&colon;",
  "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:image/svg+xml,<svg onload=alert(1)>",
  " onerror=alert(1)", " onclick=", "\" onmouseover=\"alert(1)", "' onfocus='alert(1)", " title=\"", "//evil.example", "\\\\evil.example",
  "http://example.com", "https://example.com/a?b=c&d=e", "mailto:a@example.com", "www.example.com", "<https://example.com>", "<javascript:alert(1)>",
  "\n\n", "\n", "    ", "> ", "- ", "1. ", "[a]: javascript:alert(1)\n", "[a]", "\n| a | b |\n|---|---|\n| c | d |\n", "\n---\n", "\n# ", "\n## ",
] as const;

/** Markdown source from strangers: hostile units mixed with syntax and attack fragments. */
export function hostileMarkdown(maxLength = 60): fc.Arbitrary<string> {
  const unit = fc.oneof({ arbitrary: hostileUnit, weight: 2 }, { arbitrary: fc.constantFrom(...MARKDOWN_FRAGMENTS), weight: 3 });
  return fc.oneof({ arbitrary: fc.string({ unit, maxLength }), weight: 4 }, { arbitrary: hostileString(maxLength * 2), weight: 1 });
}


/** Distinct items (`stem` numbered) joined by `between`, at least `minUnits` UTF-16 units long. */
export function distinctList(minUnits: number, stem = "t", between = ",\n "): string {
  const items: string[] = [];
  for (let size = 0; size < minUnits; size += items[items.length - 1].length + between.length) items.push(`${stem}${items.length}`);
  return items.join(between);
}

/** Huge lists: distinct items (a hostile stem, numbered) joined by a separator that fields split on. */
export function hugeList(minUnits = 100 * 1024): fc.Arbitrary<string> {
  const separator = fc.constantFrom(",", ", ", ";", " ", "\n", "\r\n");
  return fc.tuple(fc.string({ unit: hostileUnit, maxLength: 6 }), separator).map(([stem, between]) => distinctList(minUnits, stem, between));
}
