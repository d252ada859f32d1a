"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { deleteCommentAction, editCommentAction } from "@/lib/comments/edit-actions";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/comments/limits";
import { initialFormState } from "@/lib/forms";

export function EditCommentForm({ commentId, subject, body }: { commentId: string; subject: string; body: string }) {
  const [state, action] = useActionState(editCommentAction, initialFormState);
  const v = state.values ?? {};
  return (
    <form action={action} className="form" noValidate key={JSON.stringify(v)}>
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <Field id="edit-subject" name="subject" label="Subject" maxLength={SUBJECT_MAX} defaultValue={v.subject ?? subject} error={state.errors?.subject} />
      <Field id="edit-body" name="body" label="Comment" multiline maxLength={BODY_MAX} defaultValue={v.body ?? body} error={state.errors?.body} />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}

export function DeleteCommentForm({ commentId }: { commentId: string }) {
  const [state, action] = useActionState(deleteCommentAction, initialFormState);
  return (
    <form action={action} className="form form--danger">
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <p>Deleting removes the text for good. If others have replied, a placeholder keeps the thread together.</p>
      <SubmitButton className="button button--danger" pendingText="Deleting…">
        Delete this comment
      </SubmitButton>
    </form>
  );
}
