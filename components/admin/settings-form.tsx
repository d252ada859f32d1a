"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import type { SiteSettings } from "@/lib/settings/defaults";
import { updateSettingsAction } from "@/lib/settings/actions";
import { ANONYMOUS_NAME } from "@/lib/words";

type NumberKey = Exclude<keyof SiteSettings, "anonymousCommenting" | "anonymousRating" | "creditsUrl">;

type NumberField = { key: NumberKey; label: string; hint: string };

const NUMBERS: NumberField[] = [
  { key: "insightfulBadgeThreshold", label: "Insightful badge threshold", hint: "Weight of insightful ratings a comment needs for its badge (see Trust)." },
  { key: "funnyBadgeThreshold", label: "Funny badge threshold", hint: "Weight of funny ratings a comment needs for its badge (see Trust)." },
  { key: "flagHideWeight", label: "Flag weight that hides a comment", hint: "A moderator's flag hides at once; other flags weigh as set under Trust." },
  { key: "commentIntervalSeconds", label: "Seconds between comments", hint: "Per member and per address; 0 turns the limit off." },
  { key: "anonymousCommentsPerHour", label: "Anonymous comments per hour", hint: "Per visitor and per address." },
  { key: "firstWordCost", label: "First Word cost (credits)", hint: "" },
  { key: "lastWordCost", label: "Last Word cost (credits)", hint: "" },
];

// What each voice weighs toward the thresholds above (lib/trust). No single voice below moderator
// reaches a threshold alone, and anonymous and new voices together stay one short of it.
const TRUST: NumberField[] = [
  { key: "trustWeightAnonymous", label: "Weight of an anonymous visitor", hint: "Recorded and reported either way; 0 means it counts toward nothing." },
  { key: "trustWeightNew", label: "Weight of a new member", hint: "New: email not verified yet, or joined recently." },
  { key: "trustWeightMember", label: "Weight of a member", hint: "" },
  { key: "trustWeightEstablished", label: "Weight of an established member", hint: "Moderators' ratings weigh the same." },
  { key: "networkVoiceCap", label: "Voices counted per network", hint: "How many flags or ratings from one network (IPv4 /24, IPv6 /64) count toward one comment." },
  { key: "newAccountHours", label: "Hours an account stays new", hint: "" },
  { key: "establishedAfterDays", label: "Days before a member is established", hint: "" },
  { key: "establishedAfterComments", label: "Published comments before a member is established", hint: "" },
  { key: "flagAccuracyBonusMax", label: "Most that upheld flags add to a member's flag weight", hint: "Every 3 upheld flags add 1; each rejected one takes away more." },
];

function NumberFields({ fields, typed, current, errors }: { fields: NumberField[]; typed?: Record<string, string>; current: SiteSettings; errors?: Record<string, string> }) {
  return fields.map(({ key, label, hint }) => (
    <Field
      key={key}
      id={`setting-${key}`}
      name={key}
      label={label}
      inputMode="numeric"
      hint={hint || undefined}
      defaultValue={typed?.[key] ?? String(current[key])}
      error={errors?.[key]}
    />
  ));
}

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
    <form action={action} className="form settings-form" noValidate>
      <FormMessage state={state} />
      <fieldset>
        <legend>Who may take part</legend>
        <Checkbox name="anonymousCommenting" label={`Signed-out visitors may comment (as ${ANONYMOUS_NAME})`} checked={checked("anonymousCommenting")} />
        <Checkbox name="anonymousRating" label="Signed-out visitors may rate and flag comments" checked={checked("anonymousRating")} />
      </fieldset>
      <fieldset>
        <legend>Thresholds, limits and prices</legend>
        <NumberFields fields={NUMBERS} typed={typed} current={current} errors={state.errors} />
        <Field
          id="setting-creditsUrl"
          name="creditsUrl"
          label="Where to get credits (link)"
          type="url"
          hint="Optional: named on the credits page, next to asking an admin."
          defaultValue={typed?.creditsUrl ?? current.creditsUrl}
          error={state.errors?.creditsUrl}
        />
      </fieldset>
      <fieldset>
        <legend>Trust</legend>
        <NumberFields fields={TRUST} typed={typed} current={current} errors={state.errors} />
      </fieldset>
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
