"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidateMember, revalidateMemberList } from "../cache/revalidate";
import { sessionCookieName } from "../auth/session";
import { memberFormAction } from "../form-action";
import type { FormState } from "../forms";
import { changePassword, deleteAccount, setRole, updateProfile } from "./mutations";
import { ChangePasswordInput, DeleteAccountInput, SetRoleInput, UpdateProfileInput } from "./schemas";

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(formData, UpdateProfileInput, updateProfile, async ({ handle, previousHandle }, input) => {
    await revalidateMember(handle, previousHandle);
    return { ok: true, message: "Profile saved.", values: { ...input } };
  });
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(formData, ChangePasswordInput, changePassword, () => ({
    ok: true,
    message: "Password changed. Other browsers signed in to your account have been signed out.",
  }));
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(
    formData,
    DeleteAccountInput,
    (viewer, { password }) => deleteAccount(viewer, password),
    async ({ handle }) => {
      await revalidateMember(handle);
      (await cookies()).delete(sessionCookieName());
      redirect("/");
    },
  );
}

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(formData, SetRoleInput, (viewer, { userId, role }) => setRole(viewer, userId, role), () => {
    revalidateMemberList();
    return { ok: true, message: "Role changed." };
  });
}
