"use server";

import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { redirect } from "next/navigation";
import { getCommentLocation } from "./permalink";
import { getViewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues, type FormState, SESSION_ENDED } from "../forms";
import { deleteComment, updateComment } from "./edit-mutations";
import { EditCommentInput } from "./schemas";


export async function editCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, ["commentId", "subject", "body"]);
  const viewer = await getViewer();
  if (!viewer) return { ...SESSION_ENDED, values };
  const parsed = EditCommentInput.safeParse(formFields(formData, ["commentId", "subject", "body"]));
  if (!parsed.success) return invalid(parsed.error, values);
  let slug: string;
  try {
    slug = (await updateComment(viewer, parsed.data.commentId, parsed.data)).articleSlug;
  } catch (error) {
    return failed(error, values);
  }
  revalidateArticle(slug);
  await showFreshTo(slug);
  redirect((await getCommentLocation(parsed.data.commentId))?.href ?? `/articles/${slug}#comments`);
}

export async function deleteCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SESSION_ENDED;
  const parsed = EditCommentInput.pick({ commentId: true }).safeParse(formFields(formData, ["commentId"]));
  if (!parsed.success) return invalid(parsed.error, {});
  let slug: string;
  try {
    slug = (await deleteComment(viewer, parsed.data.commentId)).articleSlug;
  } catch (error) {
    return failed(error, {});
  }
  revalidateArticle(slug);
  await showFreshTo(slug);
  redirect(`/articles/${slug}#comments`);
}
