// What a form's server action returns: field messages next to their fields, a form-wide message,
// and what the user typed (never passwords) so a failed submit loses nothing.
import type { z } from "zod";
import { FieldError, ForbiddenError, NotFoundError, RateLimitedError } from "./errors";

export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
};

export const initialFormState: FormState = {};

/** What an action answers when the session behind the form has ended (signed out elsewhere). */
export const SESSION_ENDED: FormState = { message: "Your session has ended. Please sign in again." };

/** The submitted text fields, minus anything whose name says it is a password. */
export function typedValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    if (/password/i.test(field)) continue;
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

/** Raw form fields as strings (absent fields become ""), ready for a zod schema. */
export function formFields(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, typeof formData.get(f) === "string" ? (formData.get(f) as string) : ""]));
}

export function invalid(error: z.ZodError, values: Record<string, string>): FormState {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { errors, values, message: "Please correct the highlighted fields." };
}

/** Turns an expected failure into form state; anything unexpected is rethrown (error.tsx, log). */
export function failed(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof FieldError) {
    return error.field ? { errors: { [error.field]: error.message }, values, message: "Please correct the highlighted fields." } : { message: error.message, values };
  }
  if (error instanceof RateLimitedError || error instanceof ForbiddenError || error instanceof NotFoundError) {
    return { message: error.message, values };
  }
  throw error;
}
