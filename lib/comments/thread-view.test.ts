import { describe, expect, it } from "vitest";
import { parseThreadView, parseVariantSegment, threadViewHref, variantSegment, withReplyLinks } from "./thread-view";
import type { CommentView } from "./types";

describe("thread views", () => {
  it("fall back to threaded, oldest first, page 1 for anything unknown", () => {
    expect(parseThreadView("sideways", "loudest", "-3")).toEqual({ view: "threaded", sort: "oldest", page: 1 });
    expect(parseThreadView(null, undefined)).toEqual({ view: "threaded", sort: "oldest", page: 1 });
    expect(parseThreadView(null, null, "2.5")).toEqual({ view: "threaded", sort: "oldest", page: 1 });
    expect(parseThreadView(null, null, "999999").page).toBe(1);
    expect(parseThreadView(null, null, "99999").page).toBe(10_000);
  });

  it("write the reader's choice into the URL, leaving defaults out", () => {
    expect(threadViewHref("/articles/a", { view: "threaded", sort: "oldest", page: 1 })).toBe("/articles/a#comments");
    expect(threadViewHref("/articles/a", { view: "flat", sort: "funny", page: 1 })).toBe("/articles/a?view=flat&sort=funny#comments");
    expect(threadViewHref("/articles/a", { view: "threaded", sort: "oldest", page: 3 }, "comment-x")).toBe("/articles/a?cpage=3#comment-x");
  });

  it("round-trip through the internal route segment and reject anything else", () => {
    for (const v of [{ view: "flat", sort: "insightful", page: 1 }, { view: "threaded", sort: "oldest", page: 7 }] as const) {
      expect(parseVariantSegment(variantSegment(v))).toEqual(v);
    }
    expect(variantSegment({ view: "threaded", sort: "newest", page: 2 })).toBe("threaded-newest-2");
    expect(parseVariantSegment("flat-bogus")).toBeNull();
    expect(parseVariantSegment("flat-oldest-1")).toBeNull();
    expect(parseVariantSegment("flat-oldest-02")).toBeNull();
    expect(parseVariantSegment("../etc")).toBeNull();
  });
});

describe("the chronology's 'in reply to' links", () => {
  const view = (id: string, replyTo: CommentView["replyTo"] = null): CommentView => ({
    id, parentId: replyTo?.id ?? null, depth: replyTo ? 1 : 0, subject: "", bodyHtml: "", createdAt: "2026-12-01T10:00:00.000Z", editedAt: null,
    author: { kind: "anonymous", name: "Anonymous Coward", tag: null, website: null }, state: "visible", badges: { insightful: false, funny: false }, replyTo,
  });

  it("point at the parent on this page by anchor, and at its permalink when it is on another page", () => {
    const [root, here, elsewhere] = withReplyLinks([view("a"), view("b", { id: "a", name: "Wren Fan" }), view("c", { id: "z", name: "Gone Page" })]);
    expect(root.replyTo).toBeNull();
    expect(here.replyTo).toEqual({ id: "a", name: "Wren Fan", href: "#comment-a" });
    expect(elsewhere.replyTo).toEqual({ id: "z", name: "Gone Page", href: "/comments/z" });
  });
});
