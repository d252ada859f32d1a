"use server";

import { redirect } from "next/navigation";
import { failed, formFields, invalid, typedValues } from "../forms";
import { renderMarkdown } from "../markdown/render";
import { getCommentLocation } from "./permalink";
import { CreateCommentInput, HONEYPOT_FIELD, type PostCommentState } from "./schemas";
import { COMMENT_FIELDS, submitComment, type SubmitOutcome } from "./submit";

// The comment form's action: form fields in, form state or a redirect out. The rules are in
// submitComment, which the JSON API calls too.
export async function postCommentAction(_prev: PostCommentState, formData: FormData): Promise<PostCommentState> {
  const values = typedValues(formData, COMMENT_FIELDS);
  // Bots are told it worked and nothing is stored.
  if (String(formData.get(HONEYPOT_FIELD) ?? "") !== "") return { ok: true, message: "Thanks for your comment." };
  const fields = formFields(formData, COMMENT_FIELDS);
  // "Preview" submits the same form: render it as it will appear, store nothing.
  if (formData.get("intent") === "preview") {
    const parsed = CreateCommentInput.safeParse(fields);
    return parsed.success ? { values, previewHtml: renderMarkdown(parsed.data.body, "comment") } : invalid(parsed.error, values);
  }
  let outcome: SubmitOutcome;
  try {
    outcome = await submitComment(fields);
  } catch (error) {
    return failed(error, values);
  }
  if ("invalid" in outcome) return invalid(outcome.invalid, values);
  const { created } = outcome;
  if (created.status === "pending") {
    // Why a network is held is not said: the poster may be a neighbour of someone banned.
    const why = created.heldBecause === "links" ? "Your comment has more than two links, so it is" : "Your comment is";
    return { ok: true, held: true, message: `Thanks. ${why} held for a moderator to review before it appears.` };
  }
  // With JavaScript the form refreshes the thread in place; without it the browser goes to the
  // new comment in the freshly rendered page.
  const href = (await getCommentLocation(created.id))?.href ?? `/articles/${created.articleSlug}#comments`;
  if (formData.get("enhanced") === "1") return { ok: true, commentId: created.id, commentHref: href, message: "Your comment is posted." };
  redirect(href);
}
