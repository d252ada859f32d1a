// Runs once as each Next.js server process starts. The notification sender is otherwise started
// by the first comment posted after a start: kicking it here sends at once what was due while
// the site was down, and starts its minute timer for held-back, digest and retried mail.
import type { Instrumentation } from "next";

export async function register() {
  // Node.js servers only (not the edge runtime), and not the build's page-rendering workers.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { kickSender } = await import("./lib/notifications/sender");
  kickSender();
}

type ErrorLogger = { error: (fields: object, message: string) => void };

/**
 * An error Next caught while serving (a page, a route handler, a server action): logged with its
 * stack and the request's id through the server's logger (scripts/serve.mjs), while the visitor
 * sees only the error page. Query strings are left out: tokens travel there.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const log = (globalThis as { deptLogger?: ErrorLogger }).deptLogger;
  const reqId = request.headers["x-request-id"];
  const fields = {
    reqId: Array.isArray(reqId) ? reqId[0] : reqId,
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    err: error,
  };
  if (log) log.error(fields, "request failed");
  else console.error("request failed", fields);
};
