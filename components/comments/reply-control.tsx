"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import { insertQuote, quoteMarkdown } from "@/lib/comments/quote";
import { CommentForm } from "./comment-form";
import { useJustPostedComments } from "./own-comments";
import { takeSelection, watchSelections } from "./quote-selection";

export type ReplyContext = { articleId: string; articlePath: string; allowAnonymous: boolean };

const noSubscribe = () => () => {};

type Props = { commentId: string; subject: string; authorName: string; context: ReplyContext };

/**
 * "Reply" and "Quote" under a comment. Without JavaScript they are links to a page with the
 * reply form (quoting fills it with the comment); once the page is interactive they open the
 * same form right here, "Quote" with the selected part of the comment, or all of it, quoted.
 */
export function ReplyControl({ commentId, subject, authorName, context }: Props) {
  const [open, setOpen] = useState(false);
  const [initialBody, setInitialBody] = useState("");
  const close = useCallback(() => setOpen(false), []);
  const interactive = useSyncExternalStore(noSubscribe, () => true, () => false);
  useEffect(watchSelections, []);
  const viewer = useViewer(context.articleId);
  const justPosted = useJustPostedComments();
  const container = useRef<HTMLDivElement>(null);
  const formId = `reply-${commentId}`;

  const mine = viewer?.signedIn === true && !viewer.isBanned && justPosted.has(commentId);
  const editable = mine || viewer?.editable?.includes(commentId);
  const deletable = mine || viewer?.deletable?.includes(commentId);

  function quote() {
    // This comment's own body: not a reply's, and inside the folded box when it is flagged.
    const body = container.current
      ?.closest("li.comment")
      ?.querySelector<HTMLElement>(":scope > .comment__box .comment__body, :scope > details.flagged > .comment__box .comment__body");
    const text = takeSelection(body) ?? body?.innerText ?? "";
    const quoted = quoteMarkdown(text, authorName);
    const box = document.getElementById(`${formId}-body`) as HTMLTextAreaElement | null;
    if (open && box) {
      const { value, caret } = insertQuote(box.value, box.selectionStart, box.selectionEnd, quoted);
      box.value = value;
      box.focus();
      box.setSelectionRange(caret, caret);
      return;
    }
    setInitialBody(quoted);
    setOpen(true);
  }

  function toggleReply() {
    setInitialBody("");
    setOpen((o) => !o);
  }

  return (
    <div className="reply" ref={container}>
      {interactive ? (
        <>
          <button type="button" className="link-button" aria-expanded={open} onClick={toggleReply}>
            Reply
          </button>
          {" · "}
          <button type="button" className="link-button" onClick={quote}>
            Quote
          </button>
        </>
      ) : (
        <>
          <a href={`/comments/${commentId}/reply`}>Reply</a>
          {" · "}
          <a href={`/comments/${commentId}/reply?quote=1`}>Quote</a>
        </>
      )}
      {editable || deletable ? (
        <>
          {" · "}
          <a href={`/comments/${commentId}/edit`}>{editable ? "Edit or delete" : "Delete"}</a>
        </>
      ) : null}
      {open ? (
        <CommentForm
          key={initialBody}
          {...context}
          parentId={commentId}
          defaultSubject={subject}
          defaultBody={initialBody}
          focusBody={initialBody !== ""}
          idPrefix={formId}
          onPosted={close}
        />
      ) : null}
    </div>
  );
}
