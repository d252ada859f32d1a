import { formOrJson } from "@/lib/http/form-or-json";
import { refusalCode } from "@/lib/spotlights/refusals";
import { SpotlightInput } from "@/lib/spotlights/schemas";
import { submitSpotlightClaim } from "@/lib/spotlights/submit";

// "Make this the First Word / Last Word". A plain form posts here (no JavaScript needed): on
// success the browser goes to the spotlight on the article, at a notice saying it was done,
// otherwise to a page that says why.
// With JavaScript the same fields are posted asking for JSON.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return formOrJson(request, {
    rawId: (await params).id,
    schema: SpotlightInput,
    unknownComment: "That comment no longer exists.",
    outcomePage: (id) => `/comments/${id}/spotlight`,
    outcomeQuery: (input) => `kind=${input.kind}`,
    refusalCode,
    submit: async (id, input, asForm) => {
      const { location } = await submitSpotlightClaim(id, input, { asForm });
      return { json: { location }, location };
    },
  });
}
