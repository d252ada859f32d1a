"use server";

import { redirect } from "next/navigation";
import type { FormState } from "../forms";
import { confirmMailAddress } from "./address-confirm";

// The token from the mail is the credential, whoever holds it: no session is involved.
export async function confirmAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "");
  const done = await confirmMailAddress(token);
  if (!done) return { message: "This confirmation link is not valid. Post a comment with the box ticked to get a new one." };
  // The page then reads the address as confirmed and says so (reloading it repeats nothing).
  redirect(`/notifications/confirm?token=${encodeURIComponent(token)}`);
}
