"use server";

// The Reported view's decisions: uphold or reject a comment's open flags (lib/moderation/verdicts.ts).
import { decide } from "./decide";
import type { FormState } from "../forms";
import { ApproveInput } from "./schemas";
import { rejectFlags, upholdFlags } from "./verdicts";


export async function upholdFlagsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, ApproveInput, (v, i) => upholdFlags(v, i.commentId, i.reason), "upheld", "/moderation/reported");
}

export async function rejectFlagsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, ApproveInput, (v, i) => rejectFlags(v, i.commentId, i.reason), "rejected", "/moderation/reported");
}
