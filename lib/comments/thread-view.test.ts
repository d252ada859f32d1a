import { describe, expect, it } from "vitest";
import { parseThreadView, parseVariantSegment, threadViewHref, variantSegment } from "./thread-view";

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
