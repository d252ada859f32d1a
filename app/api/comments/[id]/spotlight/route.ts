import { showFreshTo } from "@/lib/cache/fresh-view";
import { revalidateArticle } from "@/lib/cache/revalidate";
import { getViewer } from "@/lib/auth/viewer";
import { expectedFailure, invalidJson, jsonProblem } from "@/lib/http/json";
import { readForm } from "@/lib/http/body-limit";
import { isSameOrigin } from "@/lib/http/same-origin";
import { parseId } from "@/lib/route-params";
import { claimSpotlight } from "@/lib/spotlights/mutations";
import { refusalCode } from "@/lib/spotlights/refusals";
import { SpotlightInput } from "@/lib/spotlights/schemas";

// "Make this the First Word / Last Word". A plain form posts here (no JavaScript needed): on
// success the browser goes to the spotlight on the article, otherwise to a page that says why.
// With JavaScript the same fields are posted asking for JSON.

const redirect = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request)) return jsonProblem(403, { error: "forbidden", message: "Cross-site request refused." });
  const body = await readForm(request);
  if (!body.ok) return body.response;
  const form = body.value;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const id = parseId((await params).id);
  if (!id) return jsonProblem(404, { error: "not_found", message: "That comment no longer exists." });
  const page = `/comments/${id}/spotlight`;
  const viewer = await getViewer();
  if (!viewer) {
    return wantsJson ? jsonProblem(401, { error: "unauthorized", message: "Sign in to spotlight a comment." }) : redirect(`/signin?callbackUrl=${encodeURIComponent(page)}`);
  }
  const parsed = SpotlightInput.safeParse({ kind: form?.get("kind") });
  if (!parsed.success) return wantsJson ? invalidJson(parsed.error) : redirect(`${page}?outcome=invalid`);
  try {
    const { articleSlug } = await claimSpotlight(viewer, id, parsed.data.kind);
    revalidateArticle(articleSlug);
    await showFreshTo(articleSlug);
    const location = `/articles/${articleSlug}#${parsed.data.kind}-word`;
    return wantsJson ? Response.json({ location }, { headers: { "Cache-Control": "no-store" } }) : redirect(location);
  } catch (error) {
    return wantsJson ? expectedFailure(error) : redirect(`${page}?outcome=${refusalCode(error)}&kind=${parsed.data.kind}`);
  }
}
