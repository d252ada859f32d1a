import { describe, expect, it } from "vitest";
import { parseThreadView, parseVariantSegment, threadViewHref, variantSegment } from "./thread-view";

describe("thread views", () => {
  it("fall back to threaded, oldest first for anything unknown", () => {
    expect(parseThreadView("sideways", "loudest")).toEqual({ view: "threaded", sort: "oldest" });
    expect(parseThreadView(null, undefined)).toEqual({ view: "threaded", sort: "oldest" });
  });

  it("write the reader's choice into the URL, leaving defaults out", () => {
    expect(threadViewHref("/articles/a", { view: "threaded", sort: "oldest" })).toBe("/articles/a#comments");
    expect(threadViewHref("/articles/a", { view: "flat", sort: "funny" })).toBe("/articles/a?view=flat&sort=funny#comments");
  });

  it("round-trip through the internal route segment and reject anything else", () => {
    const v = { view: "flat", sort: "insightful" } as const;
    expect(parseVariantSegment(variantSegment(v))).toEqual(v);
    expect(parseVariantSegment("flat-bogus")).toBeNull();
    expect(parseVariantSegment("../etc")).toBeNull();
  });
});
