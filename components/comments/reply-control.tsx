"use client";

import type { ArticleFollows } from "@/lib/follows/schemas";
import { useCallback, useRef, useState, type RefObject } from "react";
import { insertQuote, quoteMarkdown } from "@/lib/comments/quote";
import { CommentForm } from "./comment-form";
import { takeSelection } from "./quote-selection";

// follows: only on a page rendered for one reader (the fresh view), what they follow there.
export type ReplyContext = { articleId: string; articlePath: string; allowAnonymous: boolean; follows?: ArticleFollows };

export type Reply = {
  open: boolean;
  initialBody: string;
  toggle: (opener: HTMLElement) => void;
  quote: (opener: HTMLElement) => void;
  /** Closes the form and gives focus back to the control that opened it. */
  cancel: () => void;
  /** Closes the form after a post (the new comment takes the reader's attention, not the opener). */
  close: () => void;
};

/**
 * "Reply" and "Quote" under a comment, opening the reply form in place; "Quote" fills it with the
 * selected part of the comment, or all of it. `container` is inside the comment's <li>.
 */
export function useReply(commentId: string, authorName: string, container: RefObject<HTMLElement | null>): Reply {
  const [open, setOpen] = useState(false);
  const [initialBody, setInitialBody] = useState("");
  const opener = useRef<HTMLElement | null>(null);
  const formId = `reply-${commentId}`;

  const close = useCallback(() => setOpen(false), []);
  const cancel = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);

  function quote(from: HTMLElement) {
    opener.current = from;
    // This comment's own body: not a reply's, and inside the folded box when it is flagged.
    const body = container.current
      ?.closest("li.comment")
      ?.querySelector<HTMLElement>(":scope > .comment__box .comment__body, :scope > details.flagged > .comment__box .comment__body");
    // innerText is empty while the body sits in a closed <details>: its text is quoted then.
    const text = takeSelection(body) ?? (body?.innerText || body?.textContent || "");
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

  function toggle(from: HTMLElement) {
    opener.current = from;
    setInitialBody("");
    setOpen((o) => !o);
  }

  return { open, initialBody, toggle, quote, cancel, close };
}

/** Reply and Quote: buttons once interactive, links to the reply page before (or without JavaScript). */
export function ReplyButtons({ commentId, reply, interactive }: { commentId: string; reply: Reply; interactive: boolean }) {
  if (!interactive) {
    return (
      <>
        <a href={`/comments/${commentId}/reply`} className="action action--reply">
          Reply
        </a>
        <a href={`/comments/${commentId}/reply?quote=1`} className="action action--quote">
          Quote
        </a>
      </>
    );
  }
  return (
    <>
      <button type="button" className="action action--reply" aria-expanded={reply.open} onClick={(e) => reply.toggle(e.currentTarget)}>
        Reply
      </button>
      <button type="button" className="action action--quote" onClick={(e) => reply.quote(e.currentTarget)}>
        Quote
      </button>
    </>
  );
}

type FormProps = { commentId: string; subject: string; context: ReplyContext; reply: Reply };

/** The reply form under the action line, with Cancel (and Escape) giving focus back to its opener. */
export function ReplyForm({ commentId, subject, context, reply }: FormProps) {
  if (!reply.open) return null;
  return (
    <div className="reply">
      <CommentForm
        key={reply.initialBody}
        {...context}
        parentId={commentId}
        defaultSubject={subject}
        defaultBody={reply.initialBody}
        focusBody={reply.initialBody !== ""}
        idPrefix={`reply-${commentId}`}
        onPosted={reply.close}
        onCancel={reply.cancel}
      />
    </div>
  );
}
