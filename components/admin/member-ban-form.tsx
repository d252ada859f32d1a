"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms";
import { banMemberAction, liftMemberBanAction } from "@/lib/moderation/member-ban-actions";
import { ActionDisclosure } from "./action-disclosure";

/** Ban a member from posting (with a reason, which the moderation log keeps), or lift the ban. */
export function MemberBanForm({ userId, handle, isBanned }: { userId: string; handle: string; isBanned: boolean }) {
  const [banState, ban] = useActionState(banMemberAction, initialFormState);
  const [liftState, lift] = useActionState(liftMemberBanAction, initialFormState);
  const id = `ban-${userId}`;
  if (isBanned) {
    return (
      <form action={lift} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton className="button button--small button--secondary" pendingText="Lifting…">
          {`Lift the ban on ${handle}`}
        </SubmitButton>
        <FormMessage state={liftState} />
      </form>
    );
  }
  const error = banState.errors?.reason;
  // Folded away: a ban is rarer than the row's other changes, and should not look like one of them.
  return (
    <ActionDisclosure summary="Ban from posting…" open={Boolean(error) || (banState.message !== undefined && !banState.ok)}>
      <form action={ban} className="ban-form">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={id}>Reason for banning {handle}</label>
        <input id={id} name="reason" type="text" defaultValue={banState.values?.reason ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        <SubmitButton className="button button--small button--danger" pendingText="Banning…">
          Ban from posting
        </SubmitButton>
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : (
          <FormMessage state={banState} />
        )}
      </form>
    </ActionDisclosure>
  );
}
