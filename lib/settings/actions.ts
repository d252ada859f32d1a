"use server";

import { revalidateEverything } from "../cache/revalidate";
import { memberFormAction } from "../form-action";
import type { FormState } from "../forms";
import { updateSettings } from "./mutations";
import { UpdateSettingsInput } from "./schemas";

export async function updateSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // An unchecked box is not sent at all: read as "", which the schema takes as off.
  return memberFormAction(formData, UpdateSettingsInput, updateSettings, async (changed) => {
    // Settings shape cached pages (the comment form, badges, prices): rebuild them all.
    if (changed.length) await revalidateEverything();
    return { ok: true, message: changed.length ? `Saved: ${changed.length} setting${changed.length === 1 ? "" : "s"} changed.` : "Nothing changed." };
  });
}
