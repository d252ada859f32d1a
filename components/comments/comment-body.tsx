"use client";

// A client component although it has no state: the thread passes it the comment as data, which
// the page's RSC payload carries in a few hundred bytes, instead of the rendered element tree
// (several times that, per comment). The markup is the same either way.
import type { CommentView } from "@/lib/comments/types";
import { itemOf } from "@/lib/seo/schema-org";
import { CommentBadges } from "./comment-badges";
import { CommentByline } from "./comment-byline";

type Heading = "h3" | "h4";

function Text({ comment, described }: { comment: CommentView; described: boolean }) {
  return (
    <>
      {/* bodyHtml comes from lib/markdown/render.ts, which sanitizes with an allow-list. */}
      <div className="comment__body" itemProp={described ? "text" : undefined} dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      <CommentBadges badges={comment.badges} />
    </>
  );
}

/**
 * One comment's box: subject, byline, sanitized body and badges. `described`: the box is one of
 * the article's schema.org comments (its `comment` items, lib/seo/schema-org.ts): only a visible
 * comment in its place in the thread is, never a hidden one's words, nor a spotlight's copy.
 */
export function CommentBody({ comment, heading: H = "h3", described = false }: { comment: CommentView; heading?: Heading; described?: boolean }) {
  if (comment.state === "tombstone") {
    return (
      <div className="comment__box">
        <p className="comment__tombstone">{comment.tombstoneText}</p>
      </div>
    );
  }
  return (
    <div className="comment__box" {...(described ? { itemProp: "comment", ...itemOf("Comment") } : {})}>
      {comment.subject ? <H className="comment__subject">{comment.subject}</H> : null}
      <CommentByline comment={comment} described={described} />
      {comment.shownAbove ? (
        // The box just above shows it in full: here it stays folded, its place and replies kept.
        <details className="comment__repeat">
          <summary>Shown above as the {comment.shownAbove}</summary>
          <Text comment={comment} described={described} />
        </details>
      ) : (
        <Text comment={comment} described={described} />
      )}
    </div>
  );
}
