"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { deleteAccountAction } from "@/lib/users/actions";

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} className="form form--danger" noValidate>
      <FormMessage state={state} />
      <p>
        Your name, handle, email and bio are erased and you are signed out. Your comments stay in their threads, shown
        as by a deleted user. This cannot be undone.
      </p>
      {hasPassword ? (
        <Field name="password" label="Password" type="password" autoComplete="current-password" required error={state.errors?.password} hint="Enter your password to confirm." />
      ) : (
        <input type="hidden" name="password" value="-" />
      )}
      <SubmitButton className="button button--danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
