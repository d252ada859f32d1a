// GET /api/health: readiness (200 ready, 503 not) for load balancers and orchestrators;
// GET /api/health?probe=live: liveness only (200 while the process answers), which never touches
// a dependency, so a database outage takes instances out of rotation without getting them
// restarted. Never cached; no URLs or error text in the answer (lib/health/readiness.ts).
import { checkInstanceReadiness } from "@/lib/health/instance";
import { isShuttingDown } from "@/lib/server/shutdown";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get("probe") === "live") {
    return Response.json({ status: "live" }, { headers });
  }
  // A stopping instance asks to be taken out of rotation while it finishes what it holds.
  if (isShuttingDown()) return Response.json({ status: "stopping" }, { status: 503, headers });
  const result = await checkInstanceReadiness();
  return Response.json(result, { status: result.status === "ready" ? 200 : 503, headers });
}

export async function HEAD(request: Request) {
  const response = await GET(request);
  return new Response(null, { status: response.status, headers });
}
