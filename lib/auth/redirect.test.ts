import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./redirect";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site, with query and anchor", () => {
    expect(safeCallbackUrl("/articles/a-story#leave-a-comment")).toBe("/articles/a-story#leave-a-comment");
    expect(safeCallbackUrl("/tags/x?page=2")).toBe("/tags/x?page=2");
  });

  it.each([
    "//evil.com",
    "//evil.com/path",
    "https://evil.com",
    "http://evil.com/articles",
    "/\\evil.com",
    "\\\\evil.com",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,hi",
    "/\tevil.com",
    "/\n/evil.com",
    "evil.com",
    "",
    " /x",
    "/.//evil.com",
    "/..//evil.com",
    "/a/..//evil.com",
    "/%2e//evil.com",
  ])("sends %j to the home page", (raw) => {
    expect(safeCallbackUrl(raw)).toBe("/");
  });

  it("ignores anything that is not a string", () => {
    expect(safeCallbackUrl(null)).toBe("/");
    expect(safeCallbackUrl(["/a"])).toBe("/");
  });

  it("normalizes dot segments without leaving the site", () => {
    expect(safeCallbackUrl("/a/../../b")).toBe("/b");
  });
});
