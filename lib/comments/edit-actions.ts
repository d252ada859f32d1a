"use server";

import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { redirect } from "next/navigation";
import { getCommentLocation } from "./permalink";
import { memberFormAction } from "../form-action";
import { ForbiddenError } from "../errors";
import type { FormState } from "../forms";
import { renderMarkdown } from "../markdown/render";
import { deleteComment, updateComment } from "./edit-mutations";
import { getCommentForEdit } from "./edit-queries";
import { deletedNoticeHref } from "./edit-notice";
import { EditCommentInput } from "./schemas";

export type EditCommentState = FormState & { previewHtml?: string };

/** After an edit or a delete: the article's pages, the editor's fresh view, then the comment or the thread. */
async function showChange(articleSlug: string, location: string): Promise<never> {
  await revalidateArticle(articleSlug);
  await showFreshTo(articleSlug);
  redirect(location);
}

export async function editCommentAction(_prev: EditCommentState, formData: FormData): Promise<EditCommentState> {
  if (formData.get("intent") === "preview") return previewEdit(formData);
  return memberFormAction(
    formData,
    EditCommentInput,
    (viewer, input) => updateComment(viewer, input.commentId, input),
    async ({ articleSlug }, { commentId }) => showChange(articleSlug, (await getCommentLocation(commentId))?.href ?? `/articles/${articleSlug}#comments`),
  );
}

/** "Preview" on the edit page: the text as it would appear, for whoever may change it; nothing stored. */
async function previewEdit(formData: FormData): Promise<EditCommentState> {
  const values = { subject: String(formData.get("subject") ?? ""), body: String(formData.get("body") ?? "") };
  return memberFormAction(
    formData,
    EditCommentInput,
    async (viewer, input) => {
      if (!(await getCommentForEdit(viewer, input.commentId))?.canEdit) throw new ForbiddenError("You can no longer change this comment.");
      return renderMarkdown(input.body, "comment");
    },
    (previewHtml): EditCommentState => ({ values, previewHtml }),
  );
}

export async function deleteCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberFormAction(
    formData,
    EditCommentInput.pick({ commentId: true }),
    (viewer, { commentId }) => deleteComment(viewer, commentId),
    ({ articleSlug }) => showChange(articleSlug, deletedNoticeHref(articleSlug)),
  );
}
