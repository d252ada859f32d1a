"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { setTrustAction } from "@/lib/trust/actions";

const CHOICES = [
  { value: "earned", label: "earned" },
  { value: "new", label: "new" },
  { value: "member", label: "member" },
  { value: "established", label: "established" },
];

/** An admin's choice of a member's trust; "earned" leaves it to age, verification and comments. */
export function TrustForm({ userId, handle, trust, earned }: { userId: string; handle: string; trust: string | null; earned: string }) {
  const [state, action] = useActionState(setTrustAction, initialFormState);
  const id = `trust-${userId}`;
  return (
    <form action={action} className="inline-form role-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="visually-hidden">
        Trust of {handle}
      </label>
      <select id={id} name="trust" defaultValue={trust ?? "earned"}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.value === "earned" ? `earned (${earned})` : c.label}
          </option>
        ))}
      </select>
      <SubmitButton className="button button--small button--secondary" pendingText="Saving…">
        Save trust
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
