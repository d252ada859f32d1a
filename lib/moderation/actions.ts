"use server";

import { approveComment, banAuthor, liftBan, removeComment } from "./mutations";
import { ApproveInput, BanInput, LiftBanInput, RemoveInput } from "./schemas";
import { commentFields, decide } from "./decide";
import type { FormState } from "../forms";

export async function approveCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, commentFields, ApproveInput, (v, i) => approveComment(v, i.commentId, i.reason), "approved");
}

export async function removeCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, commentFields, RemoveInput, (v, i) => removeComment(v, i.commentId, i.reason), "removed");
}

export async function banAuthorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, commentFields, BanInput, async (v, i) => void (await banAuthor(v, i.commentId, i.reason)), "banned");
}

export async function liftBanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, ["kind", "target"], LiftBanInput, (v, i) => liftBan(v, i), "unbanned");
}
