"use client";

// The moderator's forms, one set per queued comment. Without JavaScript they post like any form;
// a refused decision comes back with its message and the reason as typed.
import { useActionState } from "react";
import { ActionDisclosure } from "@/components/admin/action-disclosure";
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
  /** How the button looks: each entry has one primary decision; the others are outlined. */
  look: "primary" | "danger";
  /** Folds the form under a summary with this text (a heavier, rarer decision). */
  folded?: string;
};

const BUTTON_CLASSES = { primary: "button button--small", danger: "button button--small button--danger" };

function DecisionForm({ commentId, action: serverAction, kind, label, hint, button, pendingText, look, folded }: DecisionProps) {
  const [state, action] = useActionState(serverAction, initialFormState);
  const v = state.values ?? {};
  const form = (
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
      <SubmitButton className={BUTTON_CLASSES[look]} pendingText={pendingText}>
        {button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
  if (!folded) return form;
  // Open again when the decision came back refused, so its message and the typed reason are seen.
  return (
    <ActionDisclosure summary={folded} open={Boolean(state.errors) || (state.message !== undefined && !state.ok)}>
      {form}
    </ActionDisclosure>
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
      look="primary"
    />
  );
}

/** `folded`: on the reports, where upholding the flags already hides a comment, removal is the rarer step. */
export function RemoveForm({ commentId, folded }: { commentId: string; folded?: boolean }) {
  return (
    <DecisionForm
      commentId={commentId}
      action={removeCommentAction}
      kind="remove"
      label="Reason for removal"
      hint="Readers see it in place of the comment."
      button="Remove"
      pendingText="Removing…"
      look="danger"
      folded={folded ? "Remove the comment…" : undefined}
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
      look="danger"
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
      look="primary"
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
      look="danger"
      folded="Ban the author…"
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
