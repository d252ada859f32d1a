"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { updateProfileAction } from "@/lib/users/actions";

export function ProfileForm({ current }: { current: { name: string; handle: string; bio: string } }) {
  const [state, action] = useActionState(updateProfileAction, initialFormState);
  const v = { ...current, ...state.values };
  return (
    <form action={action} className="form" noValidate key={JSON.stringify(state)}>
      <FormMessage state={state} />
      <Field name="name" label="Name" required maxLength={60} defaultValue={v.name} error={state.errors?.name} />
      <Field name="handle" label="Handle" required maxLength={30} defaultValue={v.handle} error={state.errors?.handle} hint="Changing it changes your profile address." />
      <Field name="bio" label="Bio" multiline maxLength={500} defaultValue={v.bio} error={state.errors?.bio} hint="Up to 500 characters, shown on your profile." />
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
