// marked's tokenizer, kept to bounded time on text written to be slow. Two of its paths are
// quadratic (markedjs/marked#4099, unfixed in 18.2): 10,000 characters of a comment took ~1-5 s
// to render and 100,000 characters of an article minutes, each time the page was rendered.
// Ordinary text renders exactly as marked renders it (checked against the demo content and
// generated Markdown); only text built of thousands of such patterns renders differently.
import { Tokenizer, type TokenizerObject } from "marked";

// 1. Emphasis. For each opener (`*`, `_`, `~`) marked scans the rest of the paragraph for its
// closer, so a paragraph full of openers that never close ("(*a(*a(*a…") costs openers × length.
// Openers that cannot open by CommonMark's rules are turned away without the scan, and the
// scans that found no closer are counted (by what they could have read): past a budget that
// grows with the source, the rest of it gets no emphasis or strikethrough.
let failedScans = 0;
let scanBudget = 0;

/** Called before each parse: the budget for the emphasis scans of a source of this length. */
export function startBudget(sourceLength: number): void {
  failedScans = 0;
  scanBudget = 200_000 + 10 * sourceLength;
}

const SPACE = /\s/u;
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/u;
const SURROGATE = /[\uD800-\uDFFF]/;

function cannotOpen(src: string, prevChar: string): boolean {
  const run = /^(?:\*+|_+|~+)/.exec(src)?.[0] ?? "";
  const next = src.charAt(run.length);
  // A delimiter run followed by white space (or nothing) is not left-flanking.
  if (next === "" || SPACE.test(next)) return true;
  // `_` between a letter-like character and another is inside a word, where `_` never opens
  // (marked checks letters and digits only; zero-width, combining and unassigned characters
  // before it sent it down the slow path).
  // (marked hands over half of an astral character as `prevChar`: that one it decides itself).
  return run[0] === "_" && prevChar !== "" && !PUNCTUATION_OR_SPACE.test(prevChar) && !SURROGATE.test(prevChar);
}

function bounded<T>(original: (src: string, maskedSrc: string, prevChar?: string) => T) {
  return function (this: Tokenizer, src: string, maskedSrc: string, prevChar = ""): T | undefined {
    if (failedScans > scanBudget || cannotOpen(src, prevChar)) return undefined;
    const token = original.call(this, src, maskedSrc, prevChar);
    if (!token) failedScans += src.length;
    return token;
  };
}

// 2. Bare e-mail addresses (GFM autolinks). At every stop of marked's text tokenizer it looks
// ahead along the whole run of address characters for an "@", so "a_a_a_…" (one run, cut into
// stops by the `_`) is quadratic too. An address has at most 254 characters: the text tokenizer
// sees a window of the source, ended before its last white space (so no address, link or line
// break is cut in two), and the address matcher runs only with an "@" within reach.
const WINDOW = 256;

/** marked's tokenizer with the quadratic paths bounded (`false` lets marked's own method run). */
export const boundedTokenizer: TokenizerObject = {
  emStrong: bounded(Tokenizer.prototype.emStrong),
  del: bounded(Tokenizer.prototype.del),
  inlineText(src) {
    if (src.length <= WINDOW) return false;
    const window = src.slice(0, WINDOW);
    const lastSpace = window.search(/\s+\S*$/);
    return Tokenizer.prototype.inlineText.call(this, lastSpace > 0 ? window.slice(0, lastSpace) : window);
  },
  url(src) {
    if (/^(?:https?:\/\/|ftp:\/\/|www\.)/i.test(src)) return false;
    return src.slice(0, WINDOW).includes("@") ? false : undefined;
  },
};
