// How a reader chose to see a discussion: threaded (default) or flat, oldest first (default),
// newest, most insightful or funniest. Kept in the URL as ?view=…&sort=….
export const views = ["threaded", "flat"] as const;
export const sorts = ["oldest", "newest", "insightful", "funny"] as const;
export type ThreadView = { view: (typeof views)[number]; sort: (typeof sorts)[number] };

export const defaultThreadView: ThreadView = { view: "threaded", sort: "oldest" };

export const sortLabels: Record<ThreadView["sort"], string> = { oldest: "Oldest first", newest: "Newest first", insightful: "Most insightful", funny: "Funniest" };

export function parseThreadView(view: unknown, sort: unknown): ThreadView {
  return {
    view: views.includes(view as ThreadView["view"]) ? (view as ThreadView["view"]) : "threaded",
    sort: sorts.includes(sort as ThreadView["sort"]) ? (sort as ThreadView["sort"]) : "oldest",
  };
}

export function isDefaultView(v: ThreadView): boolean {
  return v.view === defaultThreadView.view && v.sort === defaultThreadView.sort;
}

/** The public URL of an article's discussion in a given view. */
export function threadViewHref(articlePath: string, v: ThreadView): string {
  const params = new URLSearchParams();
  if (v.view !== "threaded") params.set("view", v.view);
  if (v.sort !== "oldest") params.set("sort", v.sort);
  const query = params.toString();
  return `${articlePath}${query ? `?${query}` : ""}#comments`;
}

/** The internal route segment a non-default view is rewritten to (see proxy.ts). */
export const variantSegment = (v: ThreadView) => `${v.view}-${v.sort}`;

export function parseVariantSegment(segment: string): ThreadView | null {
  const [view, sort] = segment.split("-");
  const parsed = parseThreadView(view, sort);
  return variantSegment(parsed) === segment ? parsed : null;
}
