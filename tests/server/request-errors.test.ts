// An error Next catches while serving goes to the server's log with its stack and the request's
// id, and no query string (instrumentation.ts's onRequestError).
import { afterEach, expect, it } from "vitest";
import { onRequestError } from "@/instrumentation";

const holder = globalThis as { deptLogger?: unknown };
afterEach(() => {
  delete holder.deptLogger;
});

it("logs the error with its stack, the request id, and the path without its query", async () => {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  holder.deptLogger = { error: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }) };
  const error = new Error("database fell over");
  await onRequestError(
    error,
    { path: "/reset-password?token=s3cret", method: "POST", headers: { "x-request-id": "req-42" } },
    { routerKind: "App Router", routePath: "/reset-password", routeType: "action", renderSource: "react-server-components", revalidateReason: undefined },
  );
  expect(lines).toEqual([
    { message: "request failed", fields: { reqId: "req-42", method: "POST", path: "/reset-password", route: "/reset-password", routeType: "action", err: error } },
  ]);
  expect((lines[0].fields.err as Error).stack).toContain("database fell over");
});
