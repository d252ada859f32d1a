"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { grantCreditsAction } from "@/lib/credits/actions";
import { initialFormState } from "@/lib/forms";

export function GrantCreditsForm({ userId, handle, credits }: { userId: string; handle: string; credits: number }) {
  const [state, action] = useActionState(grantCreditsAction, initialFormState);
  const id = `credits-${userId}`;
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="inline-form" key={state.ok ? `done-${state.message}` : "editing"}>
      <span className="meta">{credits} now</span>
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="visually-hidden">
        Credits to grant {handle}
      </label>
      <input id={id} name="amount" type="text" inputMode="numeric" size={5} defaultValue={v.amount ?? ""} aria-invalid={state.errors?.amount ? true : undefined} aria-describedby={state.errors?.amount ? `${id}-error` : undefined} />
      <SubmitButton className="button button--small button--secondary" pendingText="Granting…">
        Grant credits
      </SubmitButton>
      {state.errors?.amount ? (
        <p className="field__error" id={`${id}-error`}>
          {state.errors.amount}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
