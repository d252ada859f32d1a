"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { failed, formFields, invalid, typedValues, type FormState } from "../forms";
import { clientIp, clientNetwork } from "../request";
import { registerMember } from "../users/registration";
import { RegisterInput, SignInInput } from "../users/schemas";
import { SIGN_IN_FAILURE, SignInFailedError } from "../errors";
import { authenticate } from "./credentials";
import { ANON_HINT } from "./anon-hint";
import { safeCallbackUrl } from "./redirect";
import { sessionCookieName, sessionCookieOptions, startSession } from "./session";

async function setSessionCookie(userId: string) {
  const jar = await cookies();
  jar.set(sessionCookieName(), await startSession(userId), sessionCookieOptions());
  jar.delete(ANON_HINT);
}

const signInFields = ["email", "password", "callbackUrl"] as const;

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, signInFields);
  const parsed = SignInInput.safeParse(formFields(formData, signInFields));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    const userId = await authenticate(parsed.data.email, parsed.data.password, await clientIp());
    await setSessionCookie(userId);
  } catch (error) {
    // The same words for an unknown email and a wrong password: nothing reveals who has an account.
    if (error instanceof SignInFailedError) return { message: SIGN_IN_FAILURE, values };
    return failed(error, values);
  }
  redirect(safeCallbackUrl(formData.get("callbackUrl")));
}

const registerFields = ["name", "handle", "email", "password", "callbackUrl"] as const;

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, registerFields);
  const parsed = RegisterInput.safeParse(formFields(formData, registerFields));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await registerMember(await clientNetwork(), parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  // "Check your email" whether or not the address had an account (lib/users/registration.ts);
  // the page offers to sign in and go on to where they came from.
  redirect(`/register?sent=1&callbackUrl=${encodeURIComponent(safeCallbackUrl(formData.get("callbackUrl")))}`);
}
