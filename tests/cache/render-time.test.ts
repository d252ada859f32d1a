// The render time stored with each cached response (lib/cache/render-time.js).
import { describe, expect, it } from "vitest";
import { withRenderTime } from "@/lib/cache/render-time";

const NOW = Date.parse("2026-12-03T14:00:00.250Z");

describe("render time", () => {
  it("is stored as the Last-Modified of a cached page or route response", () => {
    expect(withRenderTime({ kind: "APP_PAGE", html: "<p>", headers: { "x-a": "1" } }, NOW).headers).toEqual({ "x-a": "1", "last-modified": "Thu, 03 Dec 2026 14:00:00 GMT" });
    expect(withRenderTime({ kind: "APP_ROUTE", body: "x" }, NOW).headers).toEqual({ "last-modified": "Thu, 03 Dec 2026 14:00:00 GMT" });
  });

  it("leaves a date the response chose, and cached data that is not a response", () => {
    const feed = { kind: "APP_ROUTE", headers: { "last-modified": "Mon, 30 Nov 2026 10:00:00 GMT" } };
    expect(withRenderTime(feed, NOW).headers["last-modified"]).toBe("Mon, 30 Nov 2026 10:00:00 GMT");
    const data = { kind: "FETCH", data: {} };
    expect(withRenderTime(data, NOW)).toEqual({ kind: "FETCH", data: {} });
    expect(withRenderTime(null, NOW)).toBeNull();
  });
});
