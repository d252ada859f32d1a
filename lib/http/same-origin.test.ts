// The cross-site request guard of the state-changing route handlers (rating, spotlight,
// sign-out; the comments API when the request says where it comes from).
import { describe, expect, it } from "vitest";
import { env } from "../env";
import { isSameOrigin } from "./same-origin";

const site = () => new URL(env().siteUrl).origin;
const from = (headers: Record<string, string>, url = `${site()}/api/comments/c1/rating`) => isSameOrigin(new Request(url, { method: "POST", headers }));

describe("isSameOrigin", () => {
  it("accepts this site's Origin, or its Referer when a browser sends no Origin", () => {
    expect(from({ origin: site() })).toBe(true);
    expect(from({ referer: `${site()}/articles/some-article?view=flat#comment-1` })).toBe(true);
  });

  it("accepts the origin of the host the request was sent to (the site behind another name)", () => {
    expect(from({ origin: "http://dept.internal:8080", host: "dept.internal:8080" }, "http://dept.internal:8080/signout")).toBe(true);
  });

  it.each([
    ["another site", { origin: "https://attacker.example" }],
    ["another site that names this one", { origin: `https://attacker.example/${site()}` }],
    ["a look-alike host", { origin: `${site()}.attacker.example` }],
    ["another port", { origin: site().replace(/:\d+$/, "") + ":1" }],
    ["another scheme", { origin: site().replace(/^http:/, "https:") }],
    ["a sandboxed frame or a redirect (Origin: null)", { origin: "null" }],
    ["an empty Origin", { origin: "" }],
    ["a cross-site Origin with a same-site Referer", { origin: "https://attacker.example", referer: `${site()}/` }],
    ["a cross-site Referer", { referer: "https://attacker.example/page" }],
    ["no Origin and no Referer", {}],
    ["garbage", { origin: "http://" }],
  ])("refuses %s", (_what, headers) => {
    expect(from(headers as Record<string, string>)).toBe(false);
  });
});
