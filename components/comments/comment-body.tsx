import type { CommentView } from "@/lib/comments/types";
import { CommentBadges } from "./comment-badges";
import { CommentByline } from "./comment-byline";

type Heading = "h3" | "h4";

/** One comment's box: subject, byline, sanitized body and badges. */
export function CommentBody({ comment, heading: H = "h3" }: { comment: CommentView; heading?: Heading }) {
  if (comment.state === "tombstone") {
    return (
      <div className="comment__box">
        <p className="comment__tombstone">{comment.tombstoneText}</p>
      </div>
    );
  }
  return (
    <div className="comment__box">
      {comment.subject ? <H className="comment__subject">{comment.subject}</H> : null}
      <CommentByline comment={comment} />
      {/* bodyHtml comes from lib/markdown/render.ts, which sanitizes with an allow-list. */}
      <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      <CommentBadges badges={comment.badges} />
    </div>
  );
}
