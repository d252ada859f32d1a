"use server";

import { failed, SESSION_ENDED, type FormState } from "../forms";
import { resendVerification } from "./email-verification";
import { getViewer } from "./viewer";

/** Settings' "Send the link again": no fields (the form's data is ignored), the member's own address. */
export async function resendVerificationAction(): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SESSION_ENDED;
  try {
    await resendVerification(viewer);
  } catch (error) {
    return failed(error, {});
  }
  return { ok: true, message: "We have sent you a new link. Only the newest link works." };
}
