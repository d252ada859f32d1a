"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { saveNotificationSettingsAction } from "@/lib/notifications/preference-actions";

type Current = { notifyReplies: boolean; notifyFollowed: boolean; notifyMailMode: "instant" | "digest" | "never"; isEmailVerified: boolean };

const MODES = [
  { value: "instant", label: "At once", hint: "at most one mail an hour per discussion" },
  { value: "digest", label: "Daily digest", hint: "one mail a day, after midnight UTC" },
  { value: "never", label: "Never", hint: "the bell still shows everything" },
] as const;

/** The settings page's Notifications section: which replies come by mail, and how often. */
export function NotificationSettings({ current }: { current: Current }) {
  const [state, action] = useActionState(saveNotificationSettingsAction, initialFormState);
  const v = state.values;
  const replies = v ? v.notifyReplies === "on" : current.notifyReplies;
  const followed = v ? v.notifyFollowed === "on" : current.notifyFollowed;
  const mode = v?.notifyMailMode ?? current.notifyMailMode;
  const modeError = state.errors?.notifyMailMode;
  return (
    <form action={action} className="form" noValidate key={JSON.stringify(state)}>
      <FormMessage state={state} />
      {current.isEmailVerified ? null : (
        <p className="field__hint">
          We only mail verified addresses: <a href="#verify-heading">confirm your email address</a> to get these mails.
        </p>
      )}
      <div className="field field--checkbox">
        <input type="checkbox" id="notify-replies" name="notifyReplies" defaultChecked={replies} />
        <label htmlFor="notify-replies">Email me when someone replies to me</label>
      </div>
      <div className="field field--checkbox">
        <input type="checkbox" id="notify-followed" name="notifyFollowed" defaultChecked={followed} />
        <label htmlFor="notify-followed">Email me about new comments in discussions and threads I follow</label>
      </div>
      <fieldset aria-describedby={modeError ? "notify-mode-error" : undefined}>
        <legend>How often</legend>
        {MODES.map((m) => (
          <div className="field field--checkbox" key={m.value}>
            <input type="radio" id={`notify-mode-${m.value}`} name="notifyMailMode" value={m.value} defaultChecked={mode === m.value} aria-describedby={`notify-mode-${m.value}-hint`} />
            {/* One flex item, so on a narrow screen the hint wraps under the label, not the label itself. */}
            <span>
              <label htmlFor={`notify-mode-${m.value}`}>{m.label}</label>{" "}
              <span className="field__hint" id={`notify-mode-${m.value}-hint`}>
                ({m.hint})
              </span>
            </span>
          </div>
        ))}
        {modeError ? (
          <p className="field__error" id="notify-mode-error">
            {modeError}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save notification settings</SubmitButton>
    </form>
  );
}
