import { sortLabels, sorts, threadViewHref, type ThreadView } from "@/lib/comments/thread-view";

/** Plain links, so choosing a view works without JavaScript and the choice stays in the URL. A
 * new view or order starts again at its first page. */
export function ThreadViewNav({ articlePath, current }: { articlePath: string; current: ThreadView }) {
  const link = (v: ThreadView, label: string) => {
    const isCurrent = v.view === current.view && v.sort === current.sort;
    return (
      <a href={threadViewHref(articlePath, v)} aria-current={isCurrent ? "true" : undefined} className={isCurrent ? "is-current" : undefined}>
        {label}
      </a>
    );
  };
  return (
    <nav className="thread-view-nav" aria-label="Comment display">
      <p>
        <span className="thread-view-nav__label">View:</span>
        {link({ ...current, view: "threaded", page: 1 }, "Threaded")}
        {/* Flat, oldest first by default: every comment in the order it was posted, each reply
            saying whom it answers. */}
        {link({ ...current, view: "flat", page: 1 }, "In chronology")}
      </p>
      <p>
        <span className="thread-view-nav__label">Sort:</span>
        {sorts.map((sort) => (
          <span key={sort}>{link({ ...current, sort, page: 1 }, sortLabels[sort])}</span>
        ))}
      </p>
    </nav>
  );
}
