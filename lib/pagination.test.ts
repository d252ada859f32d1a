import { describe, expect, it } from "vitest";
import { pageCount, parsePageParam } from "./pagination";

describe("parsePageParam", () => {
  it("defaults to the first page", () => expect(parsePageParam(undefined)).toBe(1));
  it("accepts positive integers", () => expect(parsePageParam("12")).toBe(12));
  it.each(["-1", "0", "abc", "1.5", "01", " 2", "9999999", ""])("rejects %j", (raw) => expect(parsePageParam(raw)).toBeNull());
  it("rejects a repeated parameter", () => expect(parsePageParam(["1", "2"])).toBeNull());
});

describe("pageCount", () => {
  it("is at least one page", () => expect(pageCount(0)).toBe(1));
  it("rounds up", () => expect(pageCount(21, 10)).toBe(3));
});
