// The shape every signed-in form action shares: the fields come from the schema, what was typed
// is kept (passwords never), the caller is asked for, the input is checked, the mutation runs,
// and its typed refusals become messages next to the form. An action then says only what it does
// and what it answers.
import "server-only";
import type { z } from "zod";
import { getViewer, type Viewer } from "./auth/viewer";
import { failed, formFields, invalid, SESSION_ENDED, typedValues, type FormState } from "./forms";

type Shaped = z.ZodObject<z.ZodRawShape>;

/**
 * Runs `run` for the signed-in caller with the form's input parsed by `schema`; `done` turns its
 * result into the answer (or redirects). Bad input, an ended session and expected failures answer
 * with what was typed kept; anything unexpected is thrown on (error.tsx and the log).
 */
export async function memberFormAction<S extends Shaped, R>(
  formData: FormData,
  schema: S,
  run: (viewer: Viewer, input: z.infer<S>) => Promise<R>,
  done: (result: R, input: z.infer<S>) => FormState | Promise<FormState>,
): Promise<FormState> {
  const fields = Object.keys(schema.shape);
  const values = typedValues(formData, fields);
  const viewer = await getViewer();
  if (!viewer) return { ...SESSION_ENDED, values };
  const parsed = schema.safeParse(formFields(formData, fields));
  if (!parsed.success) return invalid(parsed.error, values);
  let result: R;
  try {
    result = await run(viewer, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  return done(result, parsed.data);
}
