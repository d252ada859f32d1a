"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { signInAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInAction, initialFormState);
  const v = state.values ?? {};
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={v.email} error={state.errors?.email} key={`email-${v.email}`} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={state.errors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p>
        <IntentLink href="/forgot-password">Forgot your password?</IntentLink>
      </p>
      <p>
        No account yet? <IntentLink href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Register here</IntentLink>
      </p>
    </form>
  );
}
