"use server";

import { revalidateEverything } from "../cache/revalidate";
import { getViewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues, type FormState, SESSION_ENDED } from "../forms";
import { updateSettings } from "./mutations";
import { UpdateSettingsInput, settingFields } from "./schemas";

export async function updateSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, settingFields);
  // Unchecked boxes are not sent at all: absent means off.
  const raw = { ...formFields(formData, settingFields), anonymousCommenting: values.anonymousCommenting, anonymousRating: values.anonymousRating };
  const parsed = UpdateSettingsInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, values);
  const viewer = await getViewer();
  if (!viewer) return { ...SESSION_ENDED, values };
  try {
    const changed = await updateSettings(viewer, parsed.data);
    // Settings shape cached pages (the comment form, badges, prices): rebuild them all.
    if (changed.length) revalidateEverything();
    return { ok: true, message: changed.length ? `Saved: ${changed.length} setting${changed.length === 1 ? "" : "s"} changed.` : "Nothing changed." };
  } catch (error) {
    return failed(error, values);
  }
}
