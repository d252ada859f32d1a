import type { CommentView } from "./types";

// How a reader chose to see a discussion: threaded (default) or flat, oldest first (default),
// newest, most insightful or funniest, and which page of a long discussion. Kept in the URL as
// ?view=…&sort=…&cpage=….
export const views = ["threaded", "flat"] as const;
export const sorts = ["oldest", "newest", "insightful", "funny"] as const;
export type ThreadView = { view: (typeof views)[number]; sort: (typeof sorts)[number]; page: number };

export const defaultThreadView: ThreadView = { view: "threaded", sort: "oldest", page: 1 };

export const sortLabels: Record<ThreadView["sort"], string> = { oldest: "Oldest first", newest: "Newest first", insightful: "Most insightful", funny: "Funniest" };

// Far beyond any discussion's page count; keeps the cache from being filled with absurd pages.
const MAX_PAGE = 10_000;

function parsePage(page: unknown): number {
  if (typeof page !== "string" || !/^[1-9][0-9]{0,4}$/.test(page)) return 1;
  return Math.min(Number(page), MAX_PAGE);
}

export function parseThreadView(view: unknown, sort: unknown, page?: unknown): ThreadView {
  return {
    view: views.includes(view as ThreadView["view"]) ? (view as ThreadView["view"]) : "threaded",
    sort: sorts.includes(sort as ThreadView["sort"]) ? (sort as ThreadView["sort"]) : "oldest",
    page: parsePage(page),
  };
}

export function isDefaultView(v: ThreadView): boolean {
  return v.view === defaultThreadView.view && v.sort === defaultThreadView.sort && v.page === 1;
}

/** The public URL of an article's discussion in a given view (and page). */
export function threadViewHref(articlePath: string, v: ThreadView, anchor = "comments"): string {
  const params = new URLSearchParams();
  if (v.view !== "threaded") params.set("view", v.view);
  if (v.sort !== "oldest") params.set("sort", v.sort);
  if (v.page > 1) params.set("cpage", String(v.page));
  const query = params.toString();
  return `${articlePath}${query ? `?${query}` : ""}#${anchor}`;
}

/** The internal route segment a non-default view is rewritten to (see proxy.ts). */
export const variantSegment = (v: ThreadView) => `${v.view}-${v.sort}${v.page > 1 ? `-${v.page}` : ""}`;

export function parseVariantSegment(segment: string): ThreadView | null {
  const [view, sort, page] = segment.split("-");
  const parsed = parseThreadView(view, sort, page);
  return variantSegment(parsed) === segment ? parsed : null;
}

/** In the chronology each reply says whom it answers: on this page by anchor, else by permalink. */
export function withReplyLinks(comments: CommentView[]): CommentView[] {
  const onPage = new Set(comments.map((c) => c.id));
  return comments.map((c) =>
    c.replyTo ? { ...c, replyTo: { ...c.replyTo, href: onPage.has(c.replyTo.id) ? `#comment-${c.replyTo.id}` : `/comments/${c.replyTo.id}` } } : c,
  );
}
