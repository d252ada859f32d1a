import { describe, expect, it } from "vitest";
import { HIDDEN_SUBJECT, hiddenTitleKeys, publicSubject, replySubject } from "./subject";

describe("replySubject", () => {
  it("prefixes Re: once", () => {
    expect(replySubject("The wren")).toBe("Re: The wren");
    expect(replySubject("Re: The wren")).toBe("Re: The wren");
    expect(replySubject("RE: re: The wren")).toBe("Re: The wren");
  });

  it("stays empty for a comment without a subject and within the length limit", () => {
    expect(replySubject("  ")).toBe("");
    expect(replySubject("x".repeat(120)).length).toBe(120);
  });
});

describe("publicSubject", () => {
  const hidden = hiddenTitleKeys(["Buy cheap pills here", "Re: The wren", ""], ["The wren", "Re: Buy cheap pills here"]);

  it("hides a hidden comment's title in the replies that repeat it, however deep", () => {
    expect(publicSubject("Re: Buy cheap pills here", hidden)).toBe(HIDDEN_SUBJECT);
    expect(publicSubject("re:  buy CHEAP pills here ", hidden)).toBe(HIDDEN_SUBJECT);
    // The reply form's default subject for an answer to such a reply stays masked too.
    expect(replySubject(publicSubject("Re: Buy cheap pills here", hidden))).toBe("Re: (hidden comment)");
  });

  it("leaves titles alone that a visible comment carries, and subjects that are not replies", () => {
    expect(publicSubject("Re: The wren", hidden)).toBe("Re: The wren");
    expect(publicSubject("Buy cheap pills here", hidden)).toBe("Buy cheap pills here");
    expect(publicSubject("Re: Something else", hidden)).toBe("Re: Something else");
    expect(publicSubject("Re: Buy cheap pills here", new Set())).toBe("Re: Buy cheap pills here");
  });
});
