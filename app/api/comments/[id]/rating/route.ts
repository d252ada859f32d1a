import { formOrJson } from "@/lib/http/form-or-json";
import { RatingInput } from "@/lib/ratings/schemas";
import { ratingRefusalCode, submitRating } from "@/lib/ratings/submit";

// Rate or flag a comment. The controls under each comment are plain forms posting here, so they
// work without JavaScript (the answer is then a redirect to a page showing the new state); with
// JavaScript they post the same fields asking for JSON and update in place.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return formOrJson(request, {
    rawId: (await params).id,
    schema: RatingInput,
    unknownComment: "That comment is no longer there to rate.",
    outcomePage: (id) => `/comments/${id}/rate`,
    refusalCode: ratingRefusalCode,
    submit: async (id, input) => ({ json: await submitRating(id, input), location: `/comments/${id}/rate?outcome=done` }),
  });
}
