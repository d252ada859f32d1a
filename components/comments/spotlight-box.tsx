import Link from "next/link";
import type { CommentView, SpotlightView } from "@/lib/comments/types";
import { CommentBody } from "./comment-body";

/** `onThisPage`: whether the comment's place in the thread is on the page shown (long discussions are paged). */
export function SpotlightBox({ spotlight, comment, onThisPage }: { spotlight: SpotlightView; comment: CommentView; onThisPage: boolean }) {
  const label = spotlight.kind === "first" ? "First Word" : "Last Word";
  return (
    <section className="spotlight" id={`${spotlight.kind}-word`} aria-label={label}>
      <h3>{label}</h3>
      <p className="spotlight__by">
        Made the {label} by <Link href={`/users/${spotlight.byHandle}`}>{spotlight.byName}</Link> ·{" "}
        <a href={onThisPage ? `#comment-${comment.id}` : `/comments/${comment.id}`}>See it in the thread</a>
      </p>
      <div className="comment">
        <CommentBody comment={comment} heading="h4" />
      </div>
    </section>
  );
}
