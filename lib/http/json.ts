// JSON answers for API routes: one shape for every failure, so a client can branch on `error`.
import type { z } from "zod";
import { FieldError, ForbiddenError, NotFoundError, RateLimitedError, SignInRequiredError } from "../errors";

type Problem = { error: string; message: string; fields?: Record<string, string>; retryAfterSeconds?: number };

export function jsonProblem(status: number, problem: Problem, headers: HeadersInit = {}): Response {
  return Response.json(problem, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function invalidJson(error: z.ZodError): Response {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "body")] ??= issue.message;
  return jsonProblem(400, { error: "invalid", message: "Some fields need correcting.", fields });
}

/** The HTTP face of an expected failure; anything else is rethrown (a 500 and the log). */
export function expectedFailure(error: unknown): Response {
  if (error instanceof RateLimitedError) {
    const retryAfterSeconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return jsonProblem(429, { error: "rate_limited", message: error.message, retryAfterSeconds }, { "Retry-After": String(retryAfterSeconds) });
  }
  if (error instanceof FieldError) {
    return jsonProblem(400, { error: "invalid", message: error.message, ...(error.field ? { fields: { [error.field]: error.message } } : {}) });
  }
  if (error instanceof SignInRequiredError) return jsonProblem(401, { error: "unauthorized", message: error.message });
  if (error instanceof ForbiddenError) return jsonProblem(403, { error: "forbidden", message: error.message });
  if (error instanceof NotFoundError) return jsonProblem(404, { error: "not_found", message: error.message });
  throw error;
}
