// The key an imported article's old address is kept under, and which requests may be one.
import { readdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { OWN_SEGMENTS, legacyCandidate, legacyPathOf } from "../../lib/transfer/legacy-path";
import { config } from "../../proxy";

// Next's own compiler of a proxy's matcher: internal, so its types are not published.
type CompiledMatcher = { regexp: string; has?: unknown; missing?: unknown };
const { getMiddlewareMatchers } = createRequire(import.meta.url)("next/dist/build/analysis/get-page-static-info") as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => CompiledMatcher[];
};

describe("legacyPathOf", () => {
  it("keys a permalink by its path, without the host or the trailing slash", () => {
    expect(legacyPathOf("https://ledgerlamp.example/2024/03/river-pays-for-the-pool/")).toBe("/2024/03/river-pays-for-the-pool");
    expect(legacyPathOf("/2024/03/river-pays-for-the-pool")).toBe("/2024/03/river-pays-for-the-pool");
    expect(legacyPathOf("https://ledgerlamp.example/archives/101")).toBe("/archives/101");
  });

  it("keys WordPress's short links by their number, and nothing else on the home page", () => {
    expect(legacyPathOf("https://ledgerlamp.example/?p=101")).toBe("/?p=101");
    expect(legacyPathOf("/?page_id=2")).toBe("/?p=2");
    expect(legacyPathOf("/index.php?p=7&utm_source=x")).toBe("/?p=7");
    expect(legacyPathOf("https://ledgerlamp.example/")).toBeNull();
    expect(legacyPathOf("/?p=abc")).toBeNull();
    expect(legacyPathOf("/?s=search")).toBeNull();
  });
});

describe("legacyCandidate", () => {
  it("never takes one of the site's own paths for an old address", () => {
    for (const own of ["/articles/x", "/tags/law", "/signin", "/feed.xml", "/api/viewer", "/_next/static/x.js", "/robots.txt"]) expect(legacyCandidate(own, "")).toBeNull();
    expect(legacyCandidate("/2024/03/old", "")).toBe("/2024/03/old");
    expect(legacyCandidate("/", "?p=12")).toBe("/?p=12");
    expect(legacyCandidate("/", "")).toBeNull();
  });

  it("knows every first segment of app/ (a new top-level page must be added to OWN_SEGMENTS)", () => {
    const app = path.resolve(import.meta.dirname, "..", "..", "app");
    const routes = readdirSync(app, { withFileTypes: true }).flatMap((entry) => {
      if (entry.isDirectory()) return entry.name.startsWith("(") || entry.name.startsWith("[") ? [] : [entry.name];
      // Metadata files are served under their own names; robots.ts and sitemap.ts as .txt and .xml.
      const served: Record<string, string> = { "robots.ts": "robots.txt", "sitemap.ts": "sitemap.xml" };
      return served[entry.name] ?? (/\.(ico|svg|png)$/.test(entry.name) ? [entry.name] : []);
    });
    for (const route of routes) expect(OWN_SEGMENTS.has(route), route).toBe(true);
  });
});

describe("the proxy's matcher for old addresses", () => {
  // Compiled the way Next compiles it at build time, so a pattern Next would refuse fails here.
  const matchers = getMiddlewareMatchers(config.matcher, {}).filter((m) => !m.has && !m.missing);
  const reachesProxy = (pathname: string) => matchers.some((m) => new RegExp(m.regexp).test(pathname));

  it("reaches custom permalinks of any depth, not only date-based ones", () => {
    for (const old of ["/2024/03/river-pays-for-the-pool", "/archives/101", "/index.php/2024/03/x", "/news/river-pays-for-the-pool", "/town-hall/budget/river-pays-for-the-pool", "/the-post"]) {
      expect(reachesProxy(old), old).toBe(true);
    }
  });

  it("leaves the site's own deeper paths alone: articles, tags, Next's files", () => {
    for (const own of ["/articles/the-slug", "/tags/law", "/users/mara", "/_next/static/chunks/x.js", "/api/viewer", "/best/feed.xml"]) {
      const routeListed = own === "/best/feed.xml"; // a list route of its own, rewritten to its cache
      expect(reachesProxy(own), own).toBe(routeListed);
    }
  });

  it("names exactly OWN_SEGMENTS as the site's own first segments", () => {
    const legacy = config.matcher.find((m): m is string => typeof m === "string" && m.startsWith("/((?!(?:"));
    expect(legacy).toBeDefined();
    const listed = /\(\?:([^)]*)\)/.exec(legacy!)![1].split("|").map((s) => s.replace(/\\\./g, "."));
    expect(new Set(listed)).toEqual(OWN_SEGMENTS);
  });
});
