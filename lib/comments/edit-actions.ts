"use server";

import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { redirect } from "next/navigation";
import { getCommentLocation } from "./permalink";
import { memberFormAction } from "../form-action";
import type { FormState } from "../forms";
import { deleteComment, updateComment } from "./edit-mutations";
import { EditCommentInput } from "./schemas";


/** After an edit or a delete: the article's pages, the editor's fresh view, then the comment or the thread. */
async function showChange(articleSlug: string, location: string): Promise<never> {
  revalidateArticle(articleSlug);
  await showFreshTo(articleSlug);
  redirect(location);
}

export async function editCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(
    formData,
    EditCommentInput,
    (viewer, input) => updateComment(viewer, input.commentId, input),
    async ({ articleSlug }, { commentId }) => showChange(articleSlug, (await getCommentLocation(commentId))?.href ?? `/articles/${articleSlug}#comments`),
  );
}

export async function deleteCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(
    formData,
    EditCommentInput.pick({ commentId: true }),
    (viewer, { commentId }) => deleteComment(viewer, commentId),
    ({ articleSlug }) => showChange(articleSlug, `/articles/${articleSlug}#comments`),
  );
}
