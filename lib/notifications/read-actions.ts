"use server";

// The /notifications page's forms: "Mark as read" and "Mark all as read". Plain forms posting
// here, so they work without JavaScript: each answers with a 303 back to the page it came from,
// with `?outcome=` naming a refusal. The viewer is asked for again and every write names them.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getViewer } from "../auth/viewer";
import { ForbiddenError, NotFoundError } from "../errors";
import { pageHref } from "../pagination";
import { markAllNotificationsRead, markNotificationRead } from "./read-mutations";

const PageField = z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).optional();
const MarkOneInput = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), page: PageField });
const MarkAllInput = z.object({ through: z.iso.datetime(), page: PageField });

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

function back(page: number | undefined, outcome?: "forbidden" | "gone" | "invalid"): string {
  const path = pageHref("/notifications", page ?? 1);
  return outcome ? `${path}${path.includes("?") ? "&" : "?"}outcome=${outcome}` : path;
}

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/notifications");
  const parsed = MarkOneInput.safeParse({ id: field(formData, "id"), page: field(formData, "page") });
  if (!parsed.success) redirect(back(1, "invalid"));
  let outcome: "forbidden" | "gone" | undefined;
  try {
    await markNotificationRead(viewer, parsed.data.id);
  } catch (error) {
    if (error instanceof ForbiddenError) outcome = "forbidden";
    else if (error instanceof NotFoundError) outcome = "gone";
    else throw error;
  }
  revalidatePath("/notifications");
  redirect(back(parsed.data.page, outcome));
}

export async function markAllNotificationsReadAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/notifications");
  const parsed = MarkAllInput.safeParse({ through: field(formData, "through"), page: field(formData, "page") });
  if (!parsed.success) redirect(back(1, "invalid"));
  await markAllNotificationsRead(viewer, new Date(parsed.data.through));
  revalidatePath("/notifications");
  redirect(back(parsed.data.page));
}
