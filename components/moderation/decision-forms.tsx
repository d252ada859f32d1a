"use client";

// The moderator's forms, one set per queued comment. Without JavaScript they post like any form;
// a refused decision comes back with its message and the reason as typed.
import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";
import { approveCommentAction, banAuthorAction, liftBanAction, removeCommentAction } from "@/lib/moderation/actions";
import { rejectFlagsAction, upholdFlagsAction } from "@/lib/moderation/verdict-actions";
import { REASON_MAX, type BanEntry } from "@/lib/moderation/types";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

type DecisionProps = {
  commentId: string;
  action: Action;
  kind: string;
  label: string;
  hint?: string;
  button: string;
  pendingText: string;
  danger?: boolean;
};

function DecisionForm({ commentId, action: serverAction, kind, label, hint, button, pendingText, danger }: DecisionProps) {
  const [state, action] = useActionState(serverAction, initialFormState);
  const v = state.values ?? {};
  return (
    <form action={action} className={`decision-form decision-form--${kind}`} noValidate key={JSON.stringify(v)}>
      <input type="hidden" name="commentId" value={commentId} />
      <Field
        id={`${kind}-reason-${commentId}`}
        name="reason"
        label={label}
        hint={hint}
        maxLength={REASON_MAX}
        defaultValue={v.reason ?? ""}
        error={state.errors?.reason}
      />
      <SubmitButton className={danger ? "button button--small button--danger" : "button button--small"} pendingText={pendingText}>
        {button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ApproveForm({ commentId }: { commentId: string }) {
  return (
    <DecisionForm
      commentId={commentId}
      action={approveCommentAction}
      kind="approve"
      label="Note for the log (optional)"
      button="Approve"
      pendingText="Approving…"
    />
  );
}

export function RemoveForm({ commentId }: { commentId: string }) {
  return (
    <DecisionForm
      commentId={commentId}
      action={removeCommentAction}
      kind="remove"
      label="Reason for removal"
      hint="Readers see it in place of the comment."
      button="Remove"
      pendingText="Removing…"
      danger
    />
  );
}

export function UpholdFlagsForm({ commentId }: { commentId: string }) {
  return (
    <DecisionForm
      commentId={commentId}
      action={upholdFlagsAction}
      kind="uphold"
      label="Note for the log (optional)"
      hint="Hides the comment; its flaggers' flags will weigh more."
      button="Uphold the flags"
      pendingText="Upholding…"
      danger
    />
  );
}

export function RejectFlagsForm({ commentId }: { commentId: string }) {
  return (
    <DecisionForm
      commentId={commentId}
      action={rejectFlagsAction}
      kind="reject"
      label="Note for the log (optional)"
      hint="Keeps or puts the comment back up; its flaggers' flags will weigh less."
      button="Reject the flags"
      pendingText="Rejecting…"
    />
  );
}

export function BanForm({ commentId }: { commentId: string }) {
  return (
    <DecisionForm
      commentId={commentId}
      action={banAuthorAction}
      kind="ban"
      label="Reason for the ban"
      button="Ban the author"
      pendingText="Banning…"
      danger
    />
  );
}

export function LiftBanForm({ kind, target, label }: { kind: BanEntry["kind"]; target: string; label: string }) {
  const [state, action] = useActionState(liftBanAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="target" value={target} />
      <SubmitButton className="button button--small button--secondary" pendingText="Lifting…">
        {`Lift the ban on ${label}`}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
