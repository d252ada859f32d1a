"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { resendVerificationAction } from "@/lib/auth/email-verification-actions";
import { initialFormState } from "@/lib/forms";
import { NOT_VERIFIED_NOTICE } from "@/lib/users/registration-limits";

/** Shown in settings until the member follows their confirmation link. A plain form: no script needed. */
export function VerifyEmailNotice({ email }: { email: string }) {
  const [state, action] = useActionState(resendVerificationAction, initialFormState);
  return (
    <section className="notice" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Confirm your email address</h2>
      <p>{NOT_VERIFIED_NOTICE}</p>
      <form action={action} className="form" noValidate>
        <FormMessage state={state} />
        <p>The link goes to {email}.</p>
        <SubmitButton pendingText="Sending…">Send the link again</SubmitButton>
      </form>
    </section>
  );
}
