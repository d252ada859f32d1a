"use client";

import { CommentPreview } from "./comment-preview";
import { useActionState, useEffect, useRef, useState } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { useUnsavedGuard } from "@/components/articles/use-unsaved-guard";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { deleteCommentAction, editCommentAction, type EditCommentState } from "@/lib/comments/edit-actions";
import type { FormState } from "@/lib/forms";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/comments/limits";
import { FormattingHelp } from "./formatting-help";

type EditProps = { commentId: string; subject: string; body: string; cancelHref: string };

export function EditCommentForm({ commentId, subject, body, cancelHref }: EditProps) {
  const [state, action] = useActionState<EditCommentState, FormData>(editCommentAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  // Cancel, or any other way out, asks first when the text differs from what is saved.
  useUnsavedGuard(formRef, { subject, body });
  const v = state.values ?? {};
  return (
    <form ref={formRef} action={action} className="form" noValidate key={JSON.stringify(v)}>
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <Field id="edit-subject" name="subject" label="Subject" maxLength={SUBJECT_MAX} defaultValue={v.subject ?? subject} error={state.errors?.subject} />
      <Field id="edit-body" name="body" label="Comment" multiline maxLength={BODY_MAX} defaultValue={v.body ?? body} error={state.errors?.body} />
      <FormattingHelp />
      {state.previewHtml ? <CommentPreview html={state.previewHtml} heading="h2" /> : null}
      <div className="form-actions">
        <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          Preview
        </button>
        <a className="button button--secondary" href={cancelHref}>
          Cancel
        </a>
      </div>
    </form>
  );
}

type DeleteProps = { commentId: string; editHref: string; confirming: boolean };

/**
 * "Delete this comment" asks before it deletes: with JavaScript the question opens in place;
 * without, the link leads to this page with the question (?delete=1). Either way the answer
 * lands on the article, which says it was done.
 */
export function DeleteCommentForm({ commentId, editHref, confirming: asked }: DeleteProps) {
  const [state, action] = useActionState<FormState, FormData>(deleteCommentAction, {});
  const [confirming, setConfirming] = useState(asked);
  const hydrated = useInteractive();
  const askLink = useRef<HTMLAnchorElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    // Focus follows the question in and out, but not on the page's first render.
    if (!opened.current) {
      opened.current = true;
      return;
    }
    (confirming ? keepButton.current : askLink.current)?.focus();
  }, [confirming]);

  const intro = <p>Deleting removes the text for good. If others have replied, a placeholder keeps the thread together.</p>;
  if (!confirming) {
    return (
      <div className="form form--danger">
        {intro}
        <a
          ref={askLink}
          className="button button--danger"
          href={`${editHref}?delete=1#delete-comment`}
          onClick={(event) => {
            event.preventDefault();
            setConfirming(true);
          }}
        >
          Delete this comment
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="form form--danger confirm-delete" id="delete-comment" aria-labelledby="delete-question">
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <p id="delete-question">
        <strong>Delete this comment for good?</strong>
      </p>
      {intro}
      <div className="form-actions">
        <SubmitButton className="button button--danger" pendingText="Deleting…">
          Yes, delete it
        </SubmitButton>
        {hydrated ? (
          <button ref={keepButton} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            No, keep it
          </button>
        ) : (
          <a className="button button--secondary" href={editHref}>
            No, keep it
          </a>
        )}
      </div>
    </form>
  );
}
