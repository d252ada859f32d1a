"use server";

import { redirect } from "next/navigation";
import { failed, formFields, invalid, typedValues, type FormState } from "../forms";
import { clientIp } from "../request";
import { PasswordResetInput, PasswordResetRequestInput } from "../users/schemas";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { RESET_LINK_DEAD, RESET_REQUESTED } from "./password-reset-limits";

export async function requestResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, ["email"]);
  const parsed = PasswordResetRequestInput.safeParse(formFields(formData, ["email"]));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await requestPasswordReset({ ip: await clientIp() }, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  return { ok: true, message: RESET_REQUESTED };
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = PasswordResetInput.safeParse(formFields(formData, ["token", "password"]));
  if (!parsed.success) {
    // A broken token is not something the reader can correct in the form.
    if (parsed.error.issues.some((issue) => issue.path[0] === "token")) return { message: RESET_LINK_DEAD };
    return invalid(parsed.error, {});
  }
  try {
    await resetPassword(parsed.data);
  } catch (error) {
    return failed(error, {});
  }
  // A page of its own: re-rendered in place, the form's page would find its link used up.
  redirect("/reset-password?outcome=done");
}
