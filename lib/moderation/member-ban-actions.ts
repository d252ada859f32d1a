"use server";

import { revalidateMemberList } from "../cache/revalidate";
import { getViewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues, type FormState, SESSION_ENDED } from "../forms";
import { banMember, liftBan } from "./bans";
import { BanMemberInput, MemberId } from "./schemas";

const fields = ["userId", "reason"] as const;

/** The members list's "Ban from posting"; the mutation checks the caller's role. */
export async function banMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, fields);
  const parsed = BanMemberInput.safeParse(formFields(formData, fields));
  if (!parsed.success) return invalid(parsed.error, values);
  const viewer = await getViewer();
  if (!viewer) return { ...SESSION_ENDED, values };
  try {
    await banMember(viewer, parsed.data.userId, parsed.data.reason);
  } catch (error) {
    return failed(error, values);
  }
  revalidateMemberList();
  return { ok: true, message: "Banned from posting." };
}

export async function liftMemberBanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const userId = MemberId.safeParse(formData.get("userId"));
  if (!userId.success) return { message: "Unknown member." };
  const viewer = await getViewer();
  if (!viewer) return SESSION_ENDED;
  try {
    await liftBan(viewer, { kind: "user", target: userId.data });
  } catch (error) {
    return failed(error, {});
  }
  revalidateMemberList();
  return { ok: true, message: "Ban lifted." };
}
