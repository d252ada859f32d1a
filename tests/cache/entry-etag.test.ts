// The ETag stored with each cached page (lib/cache/entry-etag.js), in place of Next's per-response hash.
import { describe, expect, it } from "vitest";
import { withEtag } from "@/lib/cache/entry-etag";

const page = (html: string, headers?: Record<string, string>) => ({ kind: "APP_PAGE", html, headers });

describe("a cached page's ETag", () => {
  it("names the page's HTML: the same page the same tag, any change another", () => {
    const a = withEtag(page("<p>one comment</p>")).headers.etag;
    expect(a).toMatch(/^"[\w-]{27}"$/);
    expect(withEtag(page("<p>one comment</p>", { "x-a": "1" })).headers).toEqual({ "x-a": "1", etag: a });
    expect(withEtag(page("<p>two comments</p>")).headers.etag).not.toBe(a);
  });

  it("is computed once: a page that has one keeps it, and other entries get none", () => {
    expect(withEtag(page("<p>x</p>", { etag: '"kept"' })).headers.etag).toBe('"kept"');
    expect(withEtag({ kind: "APP_ROUTE", body: "x", headers: {} }).headers).toEqual({});
    expect(withEtag(null)).toBeNull();
  });
});
