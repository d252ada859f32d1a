"use server";

import { memberFormAction } from "../form-action";
import type { FormState } from "../forms";
import { NotificationSettingsInput, updateNotificationSettings } from "./preferences";
import { kickSenderAfterResponse } from "./sender-kick";

/** The settings page's Notifications form: the viewer's own mail settings. Works without JavaScript. */
export async function saveNotificationSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(formData, NotificationSettingsInput, (viewer, input) => updateNotificationSettings(viewer, input), (_, input) => {
    // Held-back mail may be due now under the new mode.
    kickSenderAfterResponse();
    return {
      ok: true,
      message: "Saved.",
      values: { notifyReplies: input.notifyReplies ? "on" : "", notifyFollowed: input.notifyFollowed ? "on" : "", notifyMailMode: input.notifyMailMode },
    };
  });
}
