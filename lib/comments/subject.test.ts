import { describe, expect, it } from "vitest";
import { replySubject } from "./subject";

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
