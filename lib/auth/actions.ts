"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { failed, formFields, invalid, typedValues, type FormState } from "../forms";
import { clientIp } from "../request";
import { registerUser } from "../users/mutations";
import { RegisterInput, SignInInput } from "../users/schemas";
import { authenticate, SignInFailedError, SIGN_IN_FAILURE } from "./credentials";
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
    const user = await registerUser(parsed.data);
    await setSessionCookie(user.id);
  } catch (error) {
    return failed(error, values);
  }
  redirect(safeCallbackUrl(formData.get("callbackUrl")));
}
