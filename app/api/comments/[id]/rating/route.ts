import { formOrJson } from "@/lib/http/form-or-json";
import { RatingInput } from "@/lib/ratings/schemas";
import { ratingRefusalCode, submitRating } from "@/lib/ratings/submit";

// Rate or flag a comment. The controls under each comment are plain forms posting here, so they
// work without JavaScript (the answer is then a redirect to the comment in its article, rendered
// for this reader with the new state); with JavaScript they post the same fields asking for JSON
// and update in place.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return formOrJson(request, {
    rawId: (await params).id,
    schema: RatingInput,
    unknownComment: "That comment is no longer there to rate.",
    outcomePage: (id) => `/comments/${id}/rate`,
    refusalCode: ratingRefusalCode,
    // The permalink finds the comment's page of the discussion and its anchor.
    submit: async (id, input, asForm) => ({ json: await submitRating(id, input, { asForm }), location: `/comments/${id}` }),
  });
}
