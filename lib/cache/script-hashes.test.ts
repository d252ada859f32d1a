import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPolicyFor, inlineScriptHashes } from "./script-hashes";
import { withScriptPolicy } from "./script-hash-cache-handler";
import { BASE_POLICY } from "@/lib/http/csp";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("script hashes of a cached page", () => {
  it("lists each inline script once, in page order, and leaves out script files and empty tags", () => {
    const html = [
      '<html><head><script src="/_next/static/chunks/a.js" async=""></script>',
      "<script>self.__next_f=self.__next_f||[]</script>",
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>',
      "<body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
      "<script>self.__next_f.push([1,\"a\"])</script><SCRIPT>self.__next_f=self.__next_f||[]</SCRIPT>",
      "<script nonce=\"x\"></script></body></html>",
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([
      sha("self.__next_f=self.__next_f||[]"),
      sha('{"@type":"NewsArticle"}'),
      sha('self.__next_f.push([1,"a"])'),
    ]);
  });

  it("hashes what the browser hashes: line breaks as the HTML parser leaves them", () => {
    expect(inlineScriptHashes("<script>a()\r\nb()\rc()</script>")).toEqual([sha("a()\nb()\nc()")]);
    expect(inlineScriptHashes("<script>é</script>")).toEqual([sha("é")]);
  });

  it("builds the whole policy on the base one, with no unsafe-inline, nonce or strict-dynamic", () => {
    const policy = hashPolicyFor("<script>go()</script>");
    expect(policy).toBe(`${BASE_POLICY}; script-src 'self' ${sha("go()")}`);
    expect(hashPolicyFor("<p>no scripts</p>")).toBe(`${BASE_POLICY}; script-src 'self'`);
  });

  it("stores the policy with a rendered page, in the same headers object Next serves the miss from", () => {
    const headers: Record<string, string> = { "x-next-cache-tags": "article:a" };
    const value = { kind: "APP_PAGE", html: "<script>go()</script>", headers };
    withScriptPolicy(value);
    expect(headers["content-security-policy"]).toBe(hashPolicyFor(value.html));
    // A page whose stored copy already has it keeps it (it was computed from this very HTML).
    headers["content-security-policy"] = "kept";
    expect(withScriptPolicy(value).headers["content-security-policy"]).toBe("kept");
    // Route handlers' responses and data-cache entries are not pages: left alone.
    const route = { kind: "APP_ROUTE", body: "<script>x()</script>", headers: {} };
    expect(withScriptPolicy(route).headers).toEqual({});
    const withoutHeaders: { kind: string; html: string; headers?: Record<string, string> } = { kind: "APP_PAGE", html: "<script>x()</script>" };
    expect(withScriptPolicy(withoutHeaders).headers?.["content-security-policy"]).toContain(sha("x()"));
  });
});
