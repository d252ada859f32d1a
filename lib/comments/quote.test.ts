import { describe, expect, it } from "vitest";
import { insertQuote, quoteMarkdown } from "./quote";

describe("quoteMarkdown", () => {
  it("prefixes every line and keeps paragraphs apart", () => {
    expect(quoteMarkdown("The bot flagged a wren.\n\n\n\nNobody owns a wren.\r\n")).toBe("> The bot flagged a wren.\n>\n> Nobody owns a wren.\n\n");
  });

  it("names who said it when asked", () => {
    expect(quoteMarkdown("Fair use covers this.", "Mara")).toBe("Mara wrote:\n\n> Fair use covers this.\n\n");
  });

  it("gives nothing for blank text", () => {
    expect(quoteMarkdown(" \n\n\u00a0")).toBe("");
  });
});

describe("insertQuote", () => {
  it("puts a quote in an empty box with the caret after it", () => {
    expect(insertQuote("", 0, 0, "> a\n\n")).toEqual({ value: "> a\n\n", caret: 5 });
  });

  it("separates the quote from text before it and replaces the selected part", () => {
    const { value, caret } = insertQuote("I agree. REPLACE tail", 9, 17, "> b\n\n");
    expect(value).toBe("I agree. \n\n> b\n\ntail");
    expect(value.slice(0, caret)).toBe("I agree. \n\n> b\n\n");
  });
});
