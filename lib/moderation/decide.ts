// The shape every moderation form's server action shares: parse → who is calling → the mutation
// (which checks they are a moderator) → revalidate → back to the page with a notice. Not a
// "use server" module, so nothing here is an endpoint of its own.
import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle, revalidateModerationQueues } from "../cache/revalidate";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getViewer, type Viewer } from "../auth/viewer";
import { failed, formFields, invalid, typedValues, type FormState, SESSION_ENDED } from "../forms";
import type { DoneNotice } from "./types";

export const commentFields = ["commentId", "reason"] as const;

/**
 * Parse → who is calling → the mutation (which checks they are a moderator) → revalidate. On
 * success the decided comment leaves the queue, form and all, so the outcome is announced by the
 * page the moderator is sent back to.
 */
export async function decide<T>(
  formData: FormData,
  fields: readonly string[],
  schema: z.ZodType<T>,
  run: (viewer: Viewer, input: T) => Promise<{ articleSlug?: string } | void>,
  notice: DoneNotice,
  back = "/moderation",
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
  revalidateModerationQueues();
  redirect(`${back}?done=${notice}`);
}
