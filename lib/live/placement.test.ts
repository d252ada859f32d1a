import { describe, expect, it } from "vitest";
import { belongsOnPage, type OpenPage } from "./placement";

const page = (over: Partial<OpenPage> = {}): OpenPage => ({ view: "threaded", sort: "oldest", page: 1, isLastPage: true, has: (id) => id === "here", ...over });
const top = { id: "n", parentId: null, rootId: "n" };
const reply = (parentId: string) => ({ id: "r", parentId, rootId: "root" });

describe("where a new comment shows", () => {
  it("a reply shows in the threaded view where its parent is, on any page and in any order", () => {
    expect(belongsOnPage(reply("here"), page({ page: 3, isLastPage: false, sort: "insightful" }))).toBe(true);
    expect(belongsOnPage(reply("elsewhere"), page())).toBe(false);
  });

  it("a new thread shows last in oldest-first (on the last page) and first in newest-first (on page 1)", () => {
    expect(belongsOnPage(top, page())).toBe(true);
    expect(belongsOnPage(top, page({ isLastPage: false }))).toBe(false);
    expect(belongsOnPage(top, page({ sort: "newest", isLastPage: false }))).toBe(true);
    expect(belongsOnPage(top, page({ sort: "newest", page: 2 }))).toBe(false);
    expect(belongsOnPage(top, page({ sort: "funny" }))).toBe(false);
  });

  it("the flat view places replies by time too", () => {
    expect(belongsOnPage(reply("elsewhere"), page({ view: "flat" }))).toBe(true);
    expect(belongsOnPage(reply("here"), page({ view: "flat", isLastPage: false }))).toBe(false);
    expect(belongsOnPage(reply("here"), page({ view: "flat", sort: "newest" }))).toBe(true);
  });
});
