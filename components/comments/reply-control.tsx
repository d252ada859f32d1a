"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import { CommentForm } from "./comment-form";

export type ReplyContext = { articleId: string; articlePath: string; allowAnonymous: boolean };

const noSubscribe = () => () => {};

/**
 * "Reply" under a comment. Without JavaScript it is a link to a page with the reply form; once
 * the page is interactive it is a button that opens the same form right here.
 */
export function ReplyControl({ commentId, subject, context }: { commentId: string; subject: string; context: ReplyContext }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const interactive = useSyncExternalStore(noSubscribe, () => true, () => false);
  const viewer = useViewer(context.articleId);
  const canEdit = viewer?.editable?.includes(commentId) || viewer?.deletable?.includes(commentId);
  return (
    <div className="reply">
      {interactive ? (
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          Reply
        </button>
      ) : (
        <a href={`/comments/${commentId}/reply`}>Reply</a>
      )}
      {canEdit ? (
        <>
          {" · "}
          <a href={`/comments/${commentId}/edit`}>{viewer?.editable?.includes(commentId) ? "Edit or delete" : "Delete"}</a>
        </>
      ) : null}
      {open ? <CommentForm {...context} parentId={commentId} defaultSubject={subject} idPrefix={`reply-${commentId}`} onPosted={close} /> : null}
    </div>
  );
}
