"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { changePasswordAction } from "@/lib/users/actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="form" noValidate key={JSON.stringify(state)}>
      <FormMessage state={state} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={state.errors?.currentPassword} />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" required minLength={10} maxLength={256} error={state.errors?.newPassword} hint="At least 10 characters." />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
