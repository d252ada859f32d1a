"use server";

import { approveComment, banAuthor, liftBan, removeComment } from "./mutations";
import { ApproveInput, BanInput, LiftBanInput, RemoveInput } from "./schemas";
import { decide } from "./decide";
import { kickSenderAfterResponse } from "../notifications/sender-kick";
import type { FormState } from "../forms";
import type { Viewer } from "../auth/viewer";
import { announceComment } from "../live/announce";

export async function approveCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // An approved comment's notifications are queued with the approval: mail them soon.
  // Readers who have its article open are told it is there now (lib/live).
  const approve = async (v: Viewer, i: ApproveInput) => {
    const result = await approveComment(v, i.commentId, i.reason).finally(kickSenderAfterResponse);
    await announceComment(i.commentId);
    return result;
  };
  return decide(formData, ApproveInput, approve, "approved");
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
