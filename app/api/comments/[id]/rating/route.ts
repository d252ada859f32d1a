import { FieldError, ForbiddenError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { expectedFailure, invalidJson, jsonProblem } from "@/lib/http/json";
import { readForm } from "@/lib/http/body-limit";
import { isSameOrigin } from "@/lib/http/same-origin";
import { applyRating } from "@/lib/ratings/apply";
import { RatingInput } from "@/lib/ratings/schemas";
import { parseId } from "@/lib/route-params";

// Rate or flag a comment. The controls under each comment are plain forms posting here, so they
// work without JavaScript (the answer is then a redirect to a page showing the new state); with
// JavaScript they post the same fields asking for JSON and update in place.

function outcomeCode(error: unknown): string {
  if (error instanceof RateLimitedError) return "too-fast";
  if (error instanceof ForbiddenError) return "forbidden";
  if (error instanceof NotFoundError) return "gone";
  if (error instanceof FieldError) return "invalid";
  throw error;
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Cookies identify the voter, so the request must come from this site's own pages.
  if (!isSameOrigin(request)) return jsonProblem(403, { error: "forbidden", message: "Cross-site request refused." });
  const body = await readForm(request);
  if (!body.ok) return body.response;
  const form = body.value;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const id = parseId((await params).id);
  if (!id) return jsonProblem(404, { error: "not_found", message: "That comment is no longer there to rate." });
  const parsed = RatingInput.safeParse(form ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) : {});
  const page = `/comments/${id}/rate`;
  if (!parsed.success) return wantsJson ? invalidJson(parsed.error) : redirect(`${page}?outcome=invalid`);
  try {
    const { on } = await applyRating(id, parsed.data);
    return wantsJson ? Response.json({ on }, { headers: { "Cache-Control": "no-store" } }) : redirect(`${page}?outcome=done`);
  } catch (error) {
    return wantsJson ? expectedFailure(error) : redirect(`${page}?outcome=${outcomeCode(error)}`);
  }
}

const redirect = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
