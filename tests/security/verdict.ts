// Reading what came back from a call: allowed, refused for who the caller is, or anything else
// (rate limited, not found, invalid input, a crash), which is never what a matrix cell expects.
import { ForbiddenError } from "../../lib/errors";
import type { Outcome } from "./matrix-harness";

export type Verdict = "allow" | "deny" | `unexpected: ${string}`;

// What an action says when it refuses before any mutation runs (no session, not a writer).
const DIRECT_REFUSAL = /sign in|session has ended|only authors/i;

// A plain-form route answers with a redirect: to sign in, or to a page naming the outcome.
function redirectVerdict(location: string): Verdict {
  if (location.startsWith("/signin")) return "deny";
  const outcome = /[?&]outcome=([a-z-]+)/.exec(location)?.[1];
  if (outcome === undefined || outcome === "done") return "allow";
  return outcome === "forbidden" ? "deny" : `unexpected: redirect to ${location}`;
}

/** Allowed, refused for who the caller is, or something else (which is always a failure). */
export function verdictOf(outcome: Outcome): Verdict {
  if (outcome.kind === "redirect") return redirectVerdict(outcome.location);
  if (outcome.kind === "response") {
    if (outcome.status === 401 || outcome.status === 403) return "deny";
    if (outcome.status >= 300 && outcome.status < 400 && outcome.location) return redirectVerdict(outcome.location);
    if (outcome.status >= 200 && outcome.status < 300) return "allow";
    return `unexpected: HTTP ${outcome.status} ${outcome.body.slice(0, 200)}`;
  }
  const failure = outcome.failures[0];
  if (failure !== undefined) {
    return failure instanceof ForbiddenError ? "deny" : `unexpected: ${(failure as Error).name}: ${(failure as Error).message}`;
  }
  const state = (outcome.value ?? {}) as { ok?: unknown; errors?: unknown; message?: unknown; error?: unknown; html?: unknown; previewHtml?: unknown };
  if (state.errors) return `unexpected: invalid input ${JSON.stringify(state.errors)}`;
  if (state.ok === true || typeof state.html === "string" || typeof state.previewHtml === "string") return "allow";
  const message = String(state.message ?? state.error ?? "");
  return DIRECT_REFUSAL.test(message) ? "deny" : `unexpected: ${JSON.stringify(outcome.value)}`;
}
