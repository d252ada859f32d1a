"use server";

import { revalidateMemberList } from "../cache/revalidate";
import { getViewer } from "../auth/viewer";
import { failed, formFields, invalid, type FormState, SESSION_ENDED } from "../forms";
import { setTrustLevel } from "./mutations";
import { SetTrustInput } from "./schemas";

export async function setTrustAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SESSION_ENDED;
  const parsed = SetTrustInput.safeParse(formFields(formData, ["userId", "trust"]));
  if (!parsed.success) return invalid(parsed.error, {});
  try {
    await setTrustLevel(viewer, parsed.data.userId, parsed.data.trust);
  } catch (error) {
    return failed(error, {});
  }
  revalidateMemberList();
  return { ok: true, message: "Trust saved." };
}
