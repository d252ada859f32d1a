"use server";

import { revalidateMemberList } from "../cache/revalidate";
import { memberFormAction } from "../form-action";
import type { FormState } from "../forms";
import { setTrustLevel } from "./mutations";
import { SetTrustInput } from "./schemas";

export async function setTrustAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(formData, SetTrustInput, (viewer, { userId, trust }) => setTrustLevel(viewer, userId, trust), () => {
    revalidateMemberList();
    return { ok: true, message: "Trust saved." };
  });
}
