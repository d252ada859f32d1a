"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { resetPasswordAction } from "@/lib/auth/password-reset-actions";
import { initialFormState } from "@/lib/forms";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      {state.message && !state.errors ? (
        <p>
          <IntentLink href="/forgot-password">Ask for a new link</IntentLink>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={state.errors?.password}
      />
      <SubmitButton pendingText="Saving…">Save new password</SubmitButton>
    </form>
  );
}
