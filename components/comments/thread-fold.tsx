"use client";

import { useSyncExternalStore } from "react";
import { pluralize } from "@/lib/format";

const noSubscribe = () => () => {};

/**
 * The "−" that folds a comment and all its replies into one line, and that line. Only a browser
 * running the page's script can fold, so they are built there, after hydration: the page as sent
 * (and as seen without JavaScript) carries neither, for every comment, nor a button that does
 * nothing. The click is handled by the page's one island (thread-reader.tsx), which also keeps
 * them out of sight until it runs.
 */
export function ThreadFold({ name, comments }: { name: string; comments: number }) {
  const interactive = useSyncExternalStore(noSubscribe, () => true, () => false);
  if (!interactive) return null;
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
