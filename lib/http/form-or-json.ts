// The HTTP shell of a control that is a plain form without JavaScript and a fetch asking for JSON
// with it (rating and spotlight controls under each comment). The handler only translates HTTP:
// same origin and a small body in; with JSON, the answer or the error's status and message out;
// without, a 303 to the result, or to the control's own page with a code saying why not (the
// page turns the code back into words, so no link can make it say anything else).
import type { z } from "zod";
import { readForm } from "./body-limit";
import { expectedFailure, invalidJson, jsonProblem } from "./json";
import { isSameOrigin } from "./same-origin";
import { SignInRequiredError } from "../errors";
import { parseId } from "../route-params";

type Control<T> = {
  /** The comment's id as it came in the address. */
  rawId: string;
  schema: z.ZodType<T>;
  /** Where a plain form is sent when it was refused: `?outcome=<code>` is added. */
  outcomePage: (commentId: string) => string;
  /** What a JSON client is told when the comment id is not one. */
  unknownComment: string;
  /** A refusal's code for the outcome page (anything unexpected is thrown on). */
  refusalCode: (error: unknown) => string;
  /** The one write path (lib/<feature>/submit.ts): the JSON answer, and where a plain form goes
   * (`asForm`: the request is a plain form post, so the answer is a page to land on). */
  submit: (commentId: string, input: T, asForm: boolean) => Promise<{ json: Record<string, unknown>; location: string }>;
  /** Extra query for the outcome page (the spotlight's kind). */
  outcomeQuery?: (input: T) => string;
};

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

export async function formOrJson<T>(request: Request, control: Control<T>): Promise<Response> {
  // Cookies say who is asking, so the request must come from this site's own pages.
  if (!isSameOrigin(request)) return jsonProblem(403, { error: "forbidden", message: "Cross-site request refused." });
  const body = await readForm(request);
  if (!body.ok) return body.response;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const id = parseId(control.rawId);
  if (!id) return jsonProblem(404, { error: "not_found", message: control.unknownComment });
  const fields = body.value ? Object.fromEntries([...body.value.entries()].filter(([, v]) => typeof v === "string")) : {};
  const parsed = control.schema.safeParse(fields);
  const page = control.outcomePage(id);
  if (!parsed.success) return wantsJson ? invalidJson(parsed.error) : seeOther(`${page}?outcome=invalid`);
  try {
    const { json, location } = await control.submit(id, parsed.data, !wantsJson);
    return wantsJson ? Response.json(json, { headers: { "Cache-Control": "no-store" } }) : seeOther(location);
  } catch (error) {
    if (wantsJson) return expectedFailure(error);
    if (error instanceof SignInRequiredError) return seeOther(`/signin?callbackUrl=${encodeURIComponent(page)}`);
    const extra = control.outcomeQuery ? `&${control.outcomeQuery(parsed.data)}` : "";
    return seeOther(`${page}?outcome=${control.refusalCode(error)}${extra}`);
  }
}
