import { describe, expect, it } from "vitest";
import { COMMENTS_PER_PAGE, ONE_PAGE_MAX, paginate, type PagingRow } from "./paging";

const row = (id: string, rootId: string | null = null, deletedByAuthor = false): PagingRow => ({ id, rootId, deletedByAuthor });

describe("paging a discussion", () => {
  it("keeps whole threads together and starts a new page when the next thread would not fit", () => {
    // Threads a (3 comments), b (2), c (1), d (5), oldest first.
    const rows = [row("a"), row("a1", "a"), row("a2", "a"), row("b"), row("b1", "b"), row("c"), row("d"), row("d1", "d"), row("d2", "d"), row("d3", "d"), row("d4", "d")];
    const { pageOf, pageCount } = paginate(rows, "threaded", 5, 0);
    expect(pageCount).toBe(3);
    expect(["a", "a1", "a2", "b", "b1"].map((id) => pageOf.get(id))).toEqual([1, 1, 1, 1, 1]);
    expect(pageOf.get("c")).toBe(2);
    expect(["d", "d1", "d2", "d3", "d4"].map((id) => pageOf.get(id))).toEqual([3, 3, 3, 3, 3]);
  });

  it("gives a thread longer than a page a page of its own", () => {
    const rows = [row("a"), row("b"), ...Array.from({ length: 8 }, (_, i) => row(`b${i}`, "b")), row("c")];
    const { pageOf, pageCount } = paginate(rows, "threaded", 5, 0);
    expect([pageOf.get("a"), pageOf.get("b"), pageOf.get("b7"), pageOf.get("c")]).toEqual([1, 2, 2, 3]);
    expect(pageCount).toBe(3);
  });

  it("keeps threads together whatever the order (newest first lists replies before their parents)", () => {
    const rows = [row("b1", "b"), row("a2", "a"), row("b"), row("a1", "a"), row("a")];
    const { pageOf } = paginate(rows, "threaded", 2, 0);
    // Thread b is seen first, so it fills page 1; a's three comments go to page 2.
    expect([pageOf.get("b1"), pageOf.get("b")]).toEqual([1, 1]);
    expect([pageOf.get("a"), pageOf.get("a1"), pageOf.get("a2")]).toEqual([2, 2, 2]);
  });

  it("keeps the replies of a thread together even when its first comment is not in the list", () => {
    const { pageOf, pageCount } = paginate([row("x", "not-shown"), row("x2", "not-shown"), row("y")], "threaded", 2, 0);
    expect([pageOf.get("x"), pageOf.get("x2"), pageOf.get("y"), pageCount]).toEqual([1, 1, 2, 2]);
  });

  it("cuts the flat view into equal pages, leaving out comments deleted by their authors", () => {
    const rows = [row("a"), row("b", "a", true), row("c", "a"), row("d"), row("e")];
    const { pageOf, pageCount } = paginate(rows, "flat", 2, 0);
    expect([pageOf.get("a"), pageOf.get("c"), pageOf.get("d"), pageOf.get("e")]).toEqual([1, 1, 2, 2]);
    expect(pageOf.has("b")).toBe(false);
    expect(pageCount).toBe(2);
  });

  it("shows a discussion of up to ONE_PAGE_MAX comments whole, on one page", () => {
    const rows = Array.from({ length: ONE_PAGE_MAX }, (_, i) => row(`c${i}`));
    expect(paginate(rows, "threaded").pageCount).toBe(1);
    expect(paginate(rows, "flat").pageCount).toBe(1);
    const longer = [...rows, row("one-more")];
    expect(paginate(longer, "threaded").pageCount).toBe(Math.ceil((ONE_PAGE_MAX + 1) / COMMENTS_PER_PAGE));
    expect(paginate(longer, "threaded").pageOf.get("one-more")).toBe(Math.ceil((ONE_PAGE_MAX + 1) / COMMENTS_PER_PAGE));
  });

  it("has one (empty) page when there are no comments", () => {
    expect(paginate([], "threaded").pageCount).toBe(1);
    expect(paginate([], "flat").pageCount).toBe(1);
  });
});
