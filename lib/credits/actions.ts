"use server";

import { revalidateMemberList } from "../cache/revalidate";
import { memberFormAction } from "../form-action";
import type { FormState } from "../forms";
import { grantCredits } from "./ledger";
import { GrantCreditsInput } from "./schemas";

/** An admin gives a member credits from the members list. */
export async function grantCreditsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(
    formData,
    GrantCreditsInput,
    (viewer, { userId, amount, reason }) => grantCredits(viewer, userId, amount, reason || "Granted by an admin"),
    (balance) => {
      revalidateMemberList();
      return { ok: true, message: `Done: the balance is now ${balance}.` };
    },
  );
}
