import { getViewer } from "@/lib/auth/viewer";
import { getViewerSummary } from "@/lib/auth/viewer-summary";
import { listOwnComments } from "@/lib/comments/edit-mutations";
import { parseId } from "@/lib/route-params";

// What the cached pages' client islands need to know about the person looking at them; with
// ?article=<id>, also which of that article's comments they may edit or delete.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const summary = await getViewerSummary();
  const articleId = parseId(new URL(request.url).searchParams.get("article") ?? "");
  const viewer = summary.signedIn && articleId ? await getViewer() : null;
  const own = viewer && articleId ? await listOwnComments(viewer, articleId) : { editable: [], deletable: [] };
  return Response.json({ ...summary, ...own }, { headers: { "Cache-Control": "private, no-store" } });
}
