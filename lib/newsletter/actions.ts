"use server";

import { failed, formFields, invalid, typedValues, type FormState } from "../forms";
import { clientIp } from "../request";
import { subscribe } from "./mutations";
import { SUBSCRIBE_DONE, SubscribeInput } from "./schemas";

const fields = ["email"] as const;

export async function subscribeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, fields);
  const parsed = SubscribeInput.safeParse(formFields(formData, fields));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await subscribe({ ip: await clientIp() }, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  return { ok: true, message: SUBSCRIBE_DONE };
}
