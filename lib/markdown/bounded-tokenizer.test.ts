// The bounded tokenizer renders ordinary Markdown exactly as marked does, and text built to be
// slow in bounded time, the same way every time.
import { Marked } from "marked";
import { describe, expect, it } from "vitest";
import { boundedTokenizer, startBudget } from "./bounded-tokenizer";
import { cpuMsOf } from "@/tests/support/cpu-time";

const plain = new Marked({ gfm: true });
const bounded = new Marked({ gfm: true, tokenizer: boundedTokenizer });
const render = (source: string) => {
  startBudget(source.length);
  return bounded.parse(source, { async: false }) as string;
};

describe("boundedTokenizer", () => {
  it.each([
    "Hello *there* and _there_, **strong** __strong__ ***both*** ~~gone~~ ~one~",
    "snake_case_name and __init__ and a*b*c and 5 * 3 = 15 and *unclosed",
    "*a **b** c* and _a __b__ c_ and **a *b* c** and *(a)* and _(a)_",
    "(*a*) [*a*](https://example.com) `*not*` \\*escaped\\* <span>*x*</span>",
    "mail first.last+tag@example.co.uk or <a@b.co>, see www.example.com/a_b_c and https://example.com/x_y_.",
    "Zoë’s _café_ and *naïve* — “quoted _emphasis_” and 😀_a_ and ._a_.",
    "line with a hard break  \nnext line\\\nand another",
  ])("renders %j exactly as marked does", (source) => {
    expect(render(source)).toBe(plain.parse(source));
  });

  it("renders long paragraphs (past its 256-character window) as marked does", () => {
    for (let pad = 230; pad < 270; pad++) {
      for (const tail of [" first.last@example.com", " www.example.com", " https://example.com/a_b", "  \nbreak", " *em* _em_", " [a](https://example.com)"]) {
        const source = `${"word ".repeat(pad / 5)}${"x".repeat(pad % 5)}${tail} and on`;
        expect(render(source)).toBe(plain.parse(source));
      }
    }
  });

  it("follows CommonMark where marked is slow: `_` inside a word never opens emphasis", () => {
    expect(render("a\u200B_b_")).toBe("<p>a\u200B_b_</p>\n");
    expect(render("x\u0301_b_ and (_b_)")).toBe("<p>x\u0301_b_ and (<em>b</em>)</p>\n");
  });

  it.each([
    ["(*a", 10_000],
    ["_\u200B", 10_000],
    ["(~a", 10_000],
    ["a_", 100_000],
    ["(*a", 100_000],
  ])("renders %j × %i characters in bounded time, identically each time", (unit, length) => {
    const source = unit.repeat(Math.ceil(length / unit.length));
    let first = "";
    expect(cpuMsOf(() => (first = render(source)))).toBeLessThan(3_000);
    expect(render(source)).toBe(first);
  });
});
