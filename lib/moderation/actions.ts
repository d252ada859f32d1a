"use server";

import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getViewer, type Viewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues, type FormState, SESSION_ENDED } from "../forms";
import { approveComment, banAuthor, liftBan, removeComment } from "./mutations";
import { ApproveInput, BanInput, LiftBanInput, RemoveInput } from "./schemas";
import type { DoneNotice } from "./types";

const commentFields = ["commentId", "reason"] as const;

/**
 * Parse → who is calling → the mutation (which checks they are a moderator) → revalidate. On
 * success the decided comment leaves the queue, form and all, so the outcome is announced by the
 * page the moderator is sent back to.
 */
async function decide<T>(
  formData: FormData,
  fields: readonly string[],
  schema: z.ZodType<T>,
  run: (viewer: Viewer, input: T) => Promise<{ articleSlug?: string } | void>,
  notice: DoneNotice,
): Promise<FormState> {
  const values = typedValues(formData, fields);
  const viewer = await getViewer();
  if (!viewer) return { ...SESSION_ENDED, values };
  const parsed = schema.safeParse(formFields(formData, fields));
  if (!parsed.success) return invalid(parsed.error, values);
  let slug: string | undefined;
  try {
    slug = (await run(viewer, parsed.data))?.articleSlug;
  } catch (error) {
    return failed(error, values);
  }
  if (slug) {
    revalidateArticle(slug);
    await showFreshTo(slug);
  }
  revalidatePath("/moderation");
  redirect(`/moderation?done=${notice}`);
}

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
