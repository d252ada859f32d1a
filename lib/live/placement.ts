// Whether a new comment would show on the page of the discussion the reader has open, so that
// refreshing that page in place brings it in; if not, the reader is taken to its permalink.
import type { ThreadView } from "../comments/thread-view";
import type { LiveCommentRef } from "./types";

export type OpenPage = ThreadView & {
  /** No "More comments" after this page. */
  isLastPage: boolean;
  /** A comment with this id is on the page. */
  has: (id: string) => boolean;
};

/** New comments sort last in "oldest first" and first in "newest first"; in the rated orders they have no place yet. */
function newestLandsHere(page: OpenPage): boolean {
  if (page.sort === "oldest") return page.isLastPage;
  return page.sort === "newest" && page.page === 1;
}

export function belongsOnPage(comment: LiveCommentRef, page: OpenPage): boolean {
  // The chronology places every comment by its time, replies too.
  if (page.view === "flat") return newestLandsHere(page);
  // A page holds whole threads: a reply goes where its parent is.
  if (comment.parentId) return page.has(comment.parentId);
  return newestLandsHere(page);
}
