"use server";

import { approveComment, banAuthor, liftBan, removeComment } from "./mutations";
import { ApproveInput, BanInput, LiftBanInput, RemoveInput } from "./schemas";
import { decide } from "./decide";
import { kickSenderAfterResponse } from "../notifications/sender-kick";
import type { FormState } from "../forms";

export async function approveCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // An approved comment's notifications are queued with the approval: mail them soon.
  return decide(formData, ApproveInput, (v, i) => approveComment(v, i.commentId, i.reason).finally(kickSenderAfterResponse), "approved");
}

export async function removeCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, RemoveInput, (v, i) => removeComment(v, i.commentId, i.reason), "removed");
}

export async function banAuthorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, BanInput, async (v, i) => void (await banAuthor(v, i.commentId, i.reason)), "banned");
}

export async function liftBanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, LiftBanInput, (v, i) => liftBan(v, i), "unbanned");
}
