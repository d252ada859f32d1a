"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useActionState, useState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { registerAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms";
import { handleFromName } from "@/lib/users/handle-from-name";

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(registerAction, initialFormState);
  const v = state.values ?? {};
  const [name, setName] = useState(v.name ?? "");
  const suggestion = name.trim() ? handleFromName(name) : null;
  return (
    <form action={action} className="form" noValidate key={JSON.stringify(v)}>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="name" label="Name" autoComplete="name" required maxLength={60} defaultValue={v.name} onChange={(e) => setName(e.target.value)} error={state.errors?.name} hint="Shown with your comments." />
      <Field
        name="handle"
        label="Handle"
        autoComplete="username"
        maxLength={30}
        defaultValue={v.handle}
        placeholder={suggestion ?? undefined}
        error={state.errors?.handle}
        hint={<>Your address on the site: /users/<em>handle</em>. {suggestion ? <>Leave it blank to use <strong>{suggestion}</strong>.</> : "Leave it blank to derive one from your name."}</>}
      />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={v.email} error={state.errors?.email} hint="Never shown to anyone." />
      <Field name="password" label="Password" type="password" autoComplete="new-password" required minLength={10} maxLength={256} error={state.errors?.password} hint="At least 10 characters." />
      <SubmitButton pendingText="Creating your account…">Register</SubmitButton>
      <p>
        Have an account? <IntentLink href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</IntentLink>
      </p>
    </form>
  );
}
