import { getViewerSummary } from "@/lib/auth/viewer-summary";

// What the cached pages' client islands need to know about the person looking at them.
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await getViewerSummary(), { headers: { "Cache-Control": "private, no-store" } });
}
