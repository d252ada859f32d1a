import { threadViewHref, type ThreadView } from "@/lib/comments/thread-view";

type Props = { articlePath: string; view: ThreadView; page: number; pageCount: number; position: "top" | "bottom" };

/**
 * Pages of a long discussion: plain links (they work without JavaScript, and each page is a
 * cached page of its own), with the first, last and nearby pages numbered.
 */
export function CommentPager({ articlePath, view, page, pageCount, position }: Props) {
  const href = (p: number) => threadViewHref(articlePath, { ...view, page: p });
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav className="comment-pager" aria-label={position === "top" ? "Comment pages" : "Comment pages (bottom)"}>
      <p className="comment-pager__status">
        Comments page {page} of {pageCount}
      </p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous comments
            </a>
          </li>
        ) : null}
        {shown.map((p, i) => (
          <li key={p}>
            {i > 0 && shown[i - 1] !== p - 1 ? <span aria-hidden="true">… </span> : null}
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <a href={href(p)} aria-label={`Comments page ${p}`}>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next">
              More comments
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
