"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import type { SiteSettings } from "@/lib/settings/defaults";
import { updateSettingsAction } from "@/lib/settings/actions";

type NumberKey = Exclude<keyof SiteSettings, "anonymousCommenting" | "anonymousRating">;

const NUMBERS: { key: NumberKey; label: string; hint: string }[] = [
  { key: "insightfulBadgeThreshold", label: "Insightful badge threshold", hint: "Insightful ratings a comment needs for its badge." },
  { key: "funnyBadgeThreshold", label: "Funny badge threshold", hint: "Funny ratings a comment needs for its badge." },
  { key: "flagHideWeight", label: "Flag weight that hides a comment", hint: "A visitor's flag weighs 1, a member's 2." },
  { key: "commentIntervalSeconds", label: "Seconds between comments", hint: "Per member and per address; 0 turns the limit off." },
  { key: "anonymousCommentsPerHour", label: "Anonymous comments per hour", hint: "Per visitor and per address." },
  { key: "firstWordCost", label: "First Word cost (credits)", hint: "" },
  { key: "lastWordCost", label: "Last Word cost (credits)", hint: "" },
];

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="field field--checkbox">
      <input type="checkbox" id={`setting-${name}`} name={name} defaultChecked={checked} />
      <label htmlFor={`setting-${name}`}>{label}</label>
    </div>
  );
}

export function SettingsForm({ current }: { current: SiteSettings }) {
  const [state, action] = useActionState(updateSettingsAction, initialFormState);
  const typed = state.ok ? undefined : state.values;
  // After a failed save the boxes show what was submitted, not what is stored.
  const checked = (key: "anonymousCommenting" | "anonymousRating") => (typed ? typed[key] === "on" : current[key]);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <fieldset>
        <legend>Who may take part</legend>
        <Checkbox name="anonymousCommenting" label="Signed-out visitors may comment (as Anonymous Coward)" checked={checked("anonymousCommenting")} />
        <Checkbox name="anonymousRating" label="Signed-out visitors may rate and flag comments" checked={checked("anonymousRating")} />
      </fieldset>
      <fieldset>
        <legend>Thresholds, limits and prices</legend>
        {NUMBERS.map(({ key, label, hint }) => (
          <Field
            key={key}
            id={`setting-${key}`}
            name={key}
            label={label}
            inputMode="numeric"
            hint={hint || undefined}
            defaultValue={typed?.[key] ?? String(current[key])}
            error={state.errors?.[key]}
          />
        ))}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
