"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "../auth/viewer";
import { revalidateMember, revalidateMemberList } from "../cache/revalidate";
import { sessionCookieName } from "../auth/session";
import { failed, formFields, invalid, typedValues, type FormState, SESSION_ENDED } from "../forms";
import { changePassword, deleteAccount, setRole, updateProfile } from "./mutations";
import { ChangePasswordInput, DeleteAccountInput, SetRoleInput, UpdateProfileInput } from "./schemas";

const profileFields = ["name", "handle", "bio"] as const;

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, profileFields);
  const viewer = await getViewer();
  if (!viewer) return { ...SESSION_ENDED, values };
  const parsed = UpdateProfileInput.safeParse(formFields(formData, profileFields));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    const { handle, previousHandle } = await updateProfile(viewer, parsed.data);
    revalidateMember(handle, previousHandle);
  } catch (error) {
    return failed(error, values);
  }
  return { ok: true, message: "Profile saved.", values: { ...parsed.data } };
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SESSION_ENDED;
  const parsed = ChangePasswordInput.safeParse(formFields(formData, ["currentPassword", "newPassword"]));
  if (!parsed.success) return invalid(parsed.error, {});
  try {
    await changePassword(viewer, parsed.data);
  } catch (error) {
    return failed(error, {});
  }
  return { ok: true, message: "Password changed. Other browsers signed in to your account have been signed out." };
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SESSION_ENDED;
  const parsed = DeleteAccountInput.safeParse(formFields(formData, ["password"]));
  if (!parsed.success) return invalid(parsed.error, {});
  try {
    const { handle } = await deleteAccount(viewer, parsed.data.password);
    revalidateMember(handle);
  } catch (error) {
    return failed(error, {});
  }
  (await cookies()).delete(sessionCookieName());
  redirect("/");
}

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SESSION_ENDED;
  const parsed = SetRoleInput.safeParse(formFields(formData, ["userId", "role"]));
  if (!parsed.success) return invalid(parsed.error, {});
  try {
    await setRole(viewer, parsed.data.userId, parsed.data.role);
  } catch (error) {
    return failed(error, {});
  }
  revalidateMemberList();
  return { ok: true, message: "Role changed." };
}
