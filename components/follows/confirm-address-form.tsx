"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { confirmAddressAction } from "@/lib/notifications/address-actions";

/** The confirmation itself is a POST: opening the mailed link (as scanners do) confirms nothing. */
export function ConfirmAddressForm({ token }: { token: string }) {
  const [state, action] = useActionState(confirmAddressAction, initialFormState);
  return (
    <form action={action} className="form">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Confirming…">Confirm my address</SubmitButton>
    </form>
  );
}
