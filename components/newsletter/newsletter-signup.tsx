"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { subscribeAction } from "@/lib/newsletter/actions";

/** The footer's "Daily Newsletter" box: a server action form, so it works without JavaScript too. */
export function NewsletterSignup() {
  const [state, action] = useActionState(subscribeAction, initialFormState);
  const typed = state.values?.email;
  return (
    <section className="newsletter-signup" aria-labelledby="newsletter-signup-heading">
      <h2 id="newsletter-signup-heading">Daily Newsletter</h2>
      <p>Each day&apos;s articles in one mail. We send you a link to confirm first.</p>
      <form action={action} className="newsletter-signup__form" noValidate>
        <FormMessage state={state} />
        {/* The field has its own id: a page's main form may already use "field-email". The key
            resets it to what was typed after each answer (and empties it after a success). */}
        <Field
          id="newsletter-email"
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          required
          defaultValue={typed}
          error={state.errors?.email}
          key={`newsletter-email-${state.ok ? "done" : (typed ?? "")}`}
        />
        <SubmitButton pendingText="Subscribing…">Subscribe</SubmitButton>
      </form>
    </section>
  );
}
