"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getViewer } from "../auth/viewer";
import type { FormState } from "../forms";
import { ensureRepliesFeedToken, regenerateRepliesFeedToken } from "./replies-feed-token";

const Intent = z.enum(["create", "regenerate"]);

/** "Create my feed address" and "Make a new address" in settings: for the signed-in member only. */
export async function repliesFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const intent = Intent.safeParse(formData.get("intent"));
  if (!intent.success) return { message: "Choose what to do with the feed address." };
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/settings%23replies-feed");
  if (intent.data === "create") await ensureRepliesFeedToken(viewer.id);
  else await regenerateRepliesFeedToken(viewer.id);
  // The settings page reads the address fresh for its owner on every request.
  redirect("/settings#replies-feed");
}
