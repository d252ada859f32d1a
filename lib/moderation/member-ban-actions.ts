"use server";

import { revalidateMemberList } from "../cache/revalidate";
import { getViewer } from "../auth/viewer";
import { memberFormAction } from "../form-action";
import { failed, type FormState, SESSION_ENDED } from "../forms";
import { banMember, liftBan } from "./bans";
import { BanMemberInput, MemberId } from "./schemas";

/** The members list's "Ban from posting"; the mutation checks the caller's role. */
export async function banMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(formData, BanMemberInput, (viewer, { userId, reason }) => banMember(viewer, userId, reason), () => {
    revalidateMemberList();
    return { ok: true, message: "Banned from posting." };
  });
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
