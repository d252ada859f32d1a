"use client";

import { useEffect, useRef, useState } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { pluralize } from "@/lib/format";

/**
 * The "−" that folds a comment and all its replies into one line, and that line. Only a browser
 * running the page's script can fold, so both are built there, after hydration: the page as sent
 * (and as seen without JavaScript) carries neither, for every comment, nor a button that does
 * nothing. The line exists only while folded. Styles keep the button out of sight until the
 * page's island (thread-reader.tsx) has marked the thread live.
 */
export function ThreadFold({ name, comments }: { name: string; comments: number }) {
  const interactive = useInteractive();
  const [folded, setFolded] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.closest("li.comment")?.toggleAttribute("data-collapsed", folded);
  }, [folded]);
  if (!interactive) return null;
  const count = pluralize(comments, "comment");
  return (
    <>
      {/* The label names it; the sign is what shows. */}
      <button
        type="button"
        ref={button}
        className="comment__fold"
        aria-expanded={!folded}
        aria-label={`${folded ? "Expand" : "Collapse"} this thread (${count})`}
        onClick={() => setFolded((f) => !f)}
      >
        {folded ? "+" : "−"}
      </button>
      {folded ? (
        <p className="comment__folded">
          {name} · {count} hidden
        </p>
      ) : null}
    </>
  );
}
