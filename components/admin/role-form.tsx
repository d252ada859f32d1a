"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { roles } from "@/lib/auth/roles";
import { initialFormState } from "@/lib/forms";
import { setRoleAction } from "@/lib/users/actions";

export function RoleForm({ userId, handle, role }: { userId: string; handle: string; role: string }) {
  const [state, action] = useActionState(setRoleAction, initialFormState);
  const id = `role-${userId}`;
  return (
    <form action={action} className="inline-form role-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="visually-hidden">
        Role of {handle}
      </label>
      <select id={id} name="role" defaultValue={role}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <SubmitButton className="button button--small" pendingText="Saving…">
        Save role
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
