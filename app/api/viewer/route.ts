import { getViewer } from "@/lib/auth/viewer";
import { getViewerSummary } from "@/lib/auth/viewer-summary";
import { listOwnComments } from "@/lib/comments/edit-mutations";
import { getBalance } from "@/lib/credits/ledger";
import { viewerRatings } from "@/lib/ratings/queries";
import { parseId } from "@/lib/route-params";
import { readVisitorId } from "@/lib/visitor";

// What the cached pages' client islands need to know about the person looking at them; with
// ?article=<id>, also which of that article's comments they may edit or delete, how they have
// rated and flagged them, and the raw counts they may see.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const summary = await getViewerSummary();
  const articleId = parseId(new URL(request.url).searchParams.get("article") ?? "");
  const viewer = summary.signedIn && articleId ? await getViewer() : null;
  const own = viewer && articleId ? await listOwnComments(viewer, articleId) : { editable: [], deletable: [] };
  const ratings = articleId ? await viewerRatings(articleId, viewer, viewer ? null : await readVisitorId()) : undefined;
  // The balance is shown in each comment's options, next to what a spotlight costs.
  const credits = viewer ? await getBalance(viewer.id) : undefined;
  return Response.json({ ...summary, ...own, ratings, credits }, { headers: { "Cache-Control": "private, no-store" } });
}
