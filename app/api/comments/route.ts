import { z } from "zod";
import { submitComment } from "@/lib/comments/submit";
import { expectedFailure, invalidJson, jsonProblem } from "@/lib/http/json";
import { readJson } from "@/lib/http/body-limit";
import { isSameOrigin } from "@/lib/http/same-origin";

// Posting a comment from a script or app: the form's own path (lib/comments/submit.ts: who may
// post, flood limits, duplicates, moderation of link-heavy anonymous posts), answered in JSON,
// with HTTP 401 to a visitor who must sign in and 429 with Retry-After when posting too fast.
// This handler only translates HTTP: origin, body size and shape in, status codes out.
//
// Cookies authenticate, so cross-site forgery is shut out twice: a browser only sends
// application/json cross-site after a CORS preflight this route never approves, and a request
// that says where it comes from (Origin) must come from this site.

// A 10,000-character comment is at most ~60 KB of JSON, even written all in \u escapes.
const BODY_LIMIT = 256 * 1024;

const Fields = z.strictObject({
  articleId: z.string(),
  parentId: z.string().optional(),
  subject: z.string().optional(),
  body: z.string(),
  anonName: z.string().optional(),
  anonEmail: z.string().optional(),
  anonWebsite: z.string().optional(),
  // "Email me when someone replies" for a signed-out poster (a confirmation mail first).
  notifyReplies: z.boolean().optional(),
});

export async function POST(request: Request) {
  if (request.headers.get("origin") !== null && !isSameOrigin(request)) {
    return jsonProblem(403, { error: "forbidden", message: "Cross-site request refused." });
  }
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return jsonProblem(415, { error: "unsupported_media_type", message: "Send the comment as application/json." });
  }
  const raw = await readJson(request, BODY_LIMIT);
  if (!raw.ok) return raw.response;
  const shape = Fields.safeParse(raw.value);
  if (!shape.success) return invalidJson(shape.error);
  try {
    const outcome = await submitComment({ ...shape.data, notifyReplies: shape.data.notifyReplies ? "on" : "" });
    if ("invalid" in outcome) return invalidJson(outcome.invalid);
    const { id, status } = outcome.created;
    const url = `/comments/${id}`;
    return Response.json({ id, status, url }, { status: 201, headers: { Location: url, "Cache-Control": "no-store" } });
  } catch (error) {
    return expectedFailure(error);
  }
}
