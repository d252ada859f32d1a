// The shape every moderation form's server action shares: parse → who is calling → the mutation
// (which checks they are a moderator) → revalidate → back to the page with a notice. Not a
// "use server" module, so nothing here is an endpoint of its own.
import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle, revalidateModerationQueues } from "../cache/revalidate";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Viewer } from "../auth/viewer";
import { memberFormAction } from "../form-action";
import type { FormState } from "../forms";
import type { DoneNotice } from "./types";

/**
 * Parse → who is calling → the mutation (which checks they are a moderator) → revalidate. On
 * success the decided comment leaves the queue, form and all, so the outcome is announced by the
 * page the moderator is sent back to.
 */
export async function decide<S extends z.ZodObject<z.ZodRawShape>>(
  formData: FormData,
  schema: S,
  run: (viewer: Viewer, input: z.infer<S>) => Promise<{ articleSlug?: string } | void>,
  notice: DoneNotice,
  back = "/moderation",
): Promise<FormState> {
  return memberFormAction(formData, schema, run, async (result) => {
    if (result?.articleSlug) {
      await revalidateArticle(result.articleSlug);
      await showFreshTo(result.articleSlug);
    }
    revalidateModerationQueues();
    redirect(`${back}?done=${notice}`);
  });
}
