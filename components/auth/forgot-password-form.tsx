"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { requestResetAction } from "@/lib/auth/password-reset-actions";
import { initialFormState } from "@/lib/forms";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestResetAction, initialFormState);
  const typed = state.values?.email;
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={typed} error={state.errors?.email} key={`email-${state.ok ? "sent" : (typed ?? "")}`} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
