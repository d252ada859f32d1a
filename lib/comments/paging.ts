// Long discussions are shown a page at a time, so the first view of a 5,000-comment thread is as
// light as a short one. In the threaded view a page holds whole top-level threads (a reply is
// never separated from what it answers); in the flat view it is a fixed number of comments.

/** About how many comments a page shows; a single thread longer than this is a page of its own. */
export const COMMENTS_PER_PAGE = 60;
/**
 * A discussion up to this long is shown whole, on one page, as readers of such sites expect;
 * only longer ones are paged, by COMMENTS_PER_PAGE.
 */
export const ONE_PAGE_MAX = 150;

/** A comment's place in the discussion: `rootId` is its thread's top-level comment (null: itself). */
export type PagingRow = { id: string; rootId: string | null; deletedByAuthor: boolean };
export type Paging = { pageOf: Map<string, number>; pageCount: number };

/** Splits comments, given in display order, into pages (numbered from 1). */
export function paginate(rows: PagingRow[], view: "threaded" | "flat", perPage = COMMENTS_PER_PAGE, onePageMax = ONE_PAGE_MAX): Paging {
  const pageOf = new Map<string, number>();
  if (rows.length <= onePageMax) {
    for (const r of rows) if (view === "threaded" || !r.deletedByAuthor) pageOf.set(r.id, 1);
    return { pageOf, pageCount: 1 };
  }
  if (view === "flat") {
    // The flat view leaves out comments their authors deleted: they take no room on a page.
    let n = 0;
    for (const r of rows) if (!r.deletedByAuthor) pageOf.set(r.id, Math.floor(n++ / perPage) + 1);
    return { pageOf, pageCount: Math.max(1, Math.ceil(n / perPage)) };
  }
  const rootOf = (r: PagingRow) => r.rootId ?? r.id;
  const size = new Map<string, number>();
  const order: string[] = [];
  for (const r of rows) {
    const top = rootOf(r);
    if (!size.has(top)) order.push(top);
    size.set(top, (size.get(top) ?? 0) + 1);
  }
  const threadPage = new Map<string, number>();
  let page = 1;
  let filled = 0;
  for (const top of order) {
    const n = size.get(top)!;
    if (filled > 0 && filled + n > perPage) {
      page++;
      filled = 0;
    }
    threadPage.set(top, page);
    filled += n;
  }
  for (const r of rows) pageOf.set(r.id, threadPage.get(rootOf(r))!);
  return { pageOf, pageCount: page };
}
