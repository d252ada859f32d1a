import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./request-path";

describe("isDecodablePath", () => {
  it.each(["/", "/articles/a-slug", "/articles/a%20b", "/users/zo%C3%AB", "/articles/%0D%0A", "/articles/%00", "/search?q=%ff", "/a#%ff", "/%2F%3F"])("passes %s", (url) => {
    expect(isDecodablePath(url)).toBe(true);
  });

  // Invalid UTF-8 (a lone continuation byte, an overlong form, a surrogate) and cut-off escapes.
  it.each(["/articles/%ff", "/users/%ff", "/api/comments/%ff/rating", "/articles/%C0%AF", "/articles/%ED%A0%80", "/articles/%", "/articles/%e", "/articles/%zz?x=1"])("refuses %s", (url) => {
    expect(isDecodablePath(url)).toBe(false);
  });
});
