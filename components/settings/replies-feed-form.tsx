"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { repliesFeedAction } from "@/lib/feeds/replies-feed-actions";
import { initialFormState } from "@/lib/forms";

/** "Create my feed address" or "Make a new address": one button, a plain form without JavaScript. */
export function RepliesFeedForm({ intent }: { intent: "create" | "regenerate" }) {
  const [state, action] = useActionState(repliesFeedAction, initialFormState);
  return (
    <form action={action} className="form">
      <FormMessage state={state} />
      <input type="hidden" name="intent" value={intent} />
      <SubmitButton className={intent === "create" ? "button" : "button button--secondary"}>{intent === "create" ? "Create my feed address" : "Make a new address"}</SubmitButton>
    </form>
  );
}
