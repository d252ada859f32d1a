"use server";

import { revalidateMemberList } from "../cache/revalidate";
import { getViewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues, type FormState, SESSION_ENDED } from "../forms";
import { grantCredits } from "./ledger";
import { GrantCreditsInput } from "./schemas";

const fields = ["userId", "amount", "reason"] as const;

/** An admin gives a member credits from the members list. */
export async function grantCreditsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, fields);
  const parsed = GrantCreditsInput.safeParse(formFields(formData, fields));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    const viewer = await getViewer();
    if (!viewer) return { ...SESSION_ENDED, values };
    const balance = await grantCredits(viewer, parsed.data.userId, parsed.data.amount, parsed.data.reason || "Granted by an admin");
    revalidateMemberList();
    return { ok: true, message: `Done: the balance is now ${balance}.` };
  } catch (error) {
    return failed(error, values);
  }
}
