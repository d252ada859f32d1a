import { describe, expect, it } from "vitest";
import { parseHandle, parseId, parseSlug } from "./route-params";

describe("route parameters", () => {
  it("accepts ordinary slugs, handles and ids", () => {
    expect(parseSlug("copyright-bot-takes-down")).toBe("copyright-bot-takes-down");
    expect(parseHandle("june_ok")).toBe("june_ok");
    expect(parseId("cmabc123xyz")).toBe("cmabc123xyz");
  });

  it.each(["%00", "a%00b", "", "-leading", "UPPER", "a".repeat(201), "%E0%A4%A", "../etc", "a b"])("rejects slug %j", (raw) => {
    expect(parseSlug(raw)).toBeNull();
  });

  it("rejects handles and ids with NUL or path characters", () => {
    expect(parseHandle("a%00")).toBeNull();
    expect(parseHandle("a/b")).toBeNull();
    expect(parseId("x".repeat(65))).toBeNull();
  });
});
