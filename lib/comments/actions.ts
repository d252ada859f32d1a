"use server";

import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { redirect } from "next/navigation";
import { getCommentLocation } from "./permalink";
import { getViewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues } from "../forms";
import { clientNetwork } from "../request";
import { ensureVisitorId } from "../visitor";
import { createComment } from "./mutations";
import { renderMarkdown } from "../markdown/render";
import { AnonymousPoster, CreateCommentInput, HONEYPOT_FIELD, type PostCommentState } from "./schemas";

const fields = ["articleId", "parentId", "subject", "body", "anonName", "anonEmail", "anonWebsite"] as const;

export async function postCommentAction(_prev: PostCommentState, formData: FormData): Promise<PostCommentState> {
  const values = typedValues(formData, fields);
  // Bots are told it worked and nothing is stored.
  if (String(formData.get(HONEYPOT_FIELD) ?? "") !== "") return { ok: true, message: "Thanks for your comment." };
  const parsed = CreateCommentInput.safeParse(formFields(formData, fields));
  if (!parsed.success) return invalid(parsed.error, values);
  // "Preview" submits the same form: render it as it will appear, store nothing.
  if (formData.get("intent") === "preview") return { values, previewHtml: renderMarkdown(parsed.data.body, "comment") };
  const viewer = await getViewer();
  let anonymous: AnonymousPoster | undefined;
  if (!viewer) {
    const anon = AnonymousPoster.safeParse(formFields(formData, fields));
    if (!anon.success) return invalid(anon.error, values);
    anonymous = anon.data;
  }
  let created;
  try {
    created = await createComment({ viewer, anonymous, visitorId: await ensureVisitorId(), ...(await clientNetwork()) }, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  if (created.status === "pending") {
    // Why a network is held is not said: the poster may be a neighbour of someone banned.
    const why = created.heldBecause === "links" ? "Your comment has more than two links, so it is" : "Your comment is";
    return { ok: true, held: true, message: `Thanks. ${why} held for a moderator to review before it appears.` };
  }
  revalidateArticle(created.articleSlug);
  await showFreshTo(created.articleSlug);
  // With JavaScript the form refreshes the thread in place; without it the browser goes to the
  // new comment in the freshly rendered page.
  const href = (await getCommentLocation(created.id))?.href ?? `/articles/${created.articleSlug}#comments`;
  if (formData.get("enhanced") === "1") return { ok: true, commentId: created.id, commentHref: href, message: "Your comment is posted." };
  redirect(href);
}
