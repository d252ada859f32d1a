import { describe, expect, it } from "vitest";
import { DESCRIPTION_MAX, TITLE_MAX, cutAtWord, description, pageTitle } from "@/lib/seo/cut";

describe("cutAtWord", () => {
  it("leaves text within the limit alone, whitespace collapsed", () => {
    expect(cutAtWord("  Short   and\nsweet ", 20)).toBe("Short and sweet");
    const exact = "x".repeat(TITLE_MAX);
    expect(cutAtWord(exact, TITLE_MAX)).toBe(exact);
  });

  it("cuts after the last whole word and ends with an ellipsis, within the limit", () => {
    expect(cutAtWord("The quick brown fox jumps over", 16)).toBe("The quick brown…");
    // A word that ends exactly at the room's edge is kept whole.
    expect(cutAtWord("abc defg hij", 9)).toBe("abc defg…");
    expect(cutAtWord("abc defgh ij", 9)).toBe("abc…");
  });

  it("drops punctuation left dangling before the ellipsis", () => {
    expect(cutAtWord("One, two, three, four", 11)).toBe("One, two…");
    expect(cutAtWord("Ends here. And then more words", 12)).toBe("Ends here…");
  });

  it("cuts one enormous word where it must", () => {
    const cut = cutAtWord("a".repeat(100), 10);
    expect(cut).toBe(`${"a".repeat(9)}…`);
  });

  it("counts characters, not UTF-16 units, and never splits a surrogate pair", () => {
    const text = "𝔡𝔢𝔭𝔱 ".repeat(20);
    const cut = cutAtWord(text, 12);
    expect(Array.from(cut).length).toBeLessThanOrEqual(12);
    expect(cut.isWellFormed()).toBe(true);
    expect(cut).toBe("𝔡𝔢𝔭𝔱 𝔡𝔢𝔭𝔱…");
  });

  it("keeps titles and descriptions within what search engines show", () => {
    const long = "word ".repeat(80);
    expect(cutAtWord(long, TITLE_MAX).length).toBeLessThanOrEqual(TITLE_MAX);
    expect(description(long).length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    // The page's part leaves room for the " | Site" suffix of the <title>.
    expect(`${pageTitle(long, "Dept")} | Dept`.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(pageTitle("A title that fits", "Dept")).toBe("A title that fits");
  });
});
