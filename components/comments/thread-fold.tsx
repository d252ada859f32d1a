import { pluralize } from "@/lib/format";

/**
 * The "−" that folds a comment and all its replies into one line, and that line. Styles keep
 * both out of sight until the page's one island (thread-reader.tsx) has hydrated and handles
 * the click, so no reader meets a button that does nothing.
 */
export function ThreadFold({ name, comments }: { name: string; comments: number }) {
  const count = pluralize(comments, "comment");
  return (
    <>
      <button type="button" className="comment__fold" data-fold={count} aria-expanded="true" aria-label={`Collapse this thread (${count})`}>
        −
      </button>
      <p className="comment__folded">
        {name} · {count} hidden
      </p>
    </>
  );
}
