"use server";

import { redirect } from "next/navigation";
import { getViewer } from "../auth/viewer";
import { showFreshTo } from "../cache/fresh-view";
import { getCommentLocation } from "../comments/permalink";
import { failed } from "../forms";
import { resolveFollowTarget, setFollow, type FollowTarget } from "./mutations";
import { FollowInput, type FollowState } from "./schemas";

const backTo = async (t: Pick<FollowTarget, "slug" | "commentId">) =>
  (t.commentId ? (await getCommentLocation(t.commentId))?.href : undefined) ?? `/articles/${t.slug}#comments`;

/**
 * "Follow this discussion" / "Follow this thread" and their undo. With JavaScript (enhanced=1)
 * the island gets the new state back; without it the browser returns to the article or comment,
 * whose next view is rendered for this reader so the button shows what they now follow.
 */
export async function followAction(_prev: FollowState, formData: FormData): Promise<FollowState> {
  const parsed = FollowInput.safeParse({ articleId: formData.get("articleId"), commentId: formData.get("commentId") ?? "", intent: formData.get("intent") });
  if (!parsed.success) return { message: "That discussion is not available." };
  const enhanced = formData.get("enhanced") === "1";
  const viewer = await getViewer();
  if (!viewer) {
    if (enhanced) return { message: "Sign in to follow discussions." };
    const target = await resolveFollowTarget(parsed.data.articleId, parsed.data.commentId).catch(() => null);
    redirect(`/signin?callbackUrl=${encodeURIComponent(target ? await backTo(target) : "/")}`);
  }
  let result: Awaited<ReturnType<typeof setFollow>>;
  try {
    result = await setFollow(viewer, parsed.data);
  } catch (error) {
    return failed(error, {});
  }
  if (enhanced) return { ok: true, following: result.following };
  await showFreshTo(result.slug);
  redirect(await backTo(result));
}
