// Cached pages ask /api/viewer who is looking. Most readers are neither signed in nor known as
// a visitor, and for them that request tells nothing: so the answer leaves them a readable,
// non-secret marker cookie, and while it is there the page does not ask. Anything that could
// make the reader someone (signing in, a first rating or comment, any form sent) removes it,
// and the next page asks again. It grants nothing: a forged or stale marker only hides the
// reader's own state from their own page, and the server never reads it for a decision.
export const ANON_HINT = "dept.anon";
export const ANON_HINT_MAX_AGE = 30 * 24 * 3600;

/** In the browser: whether the last answer said there is no one to know about. */
export function hasAnonHint(): boolean {
  return typeof document !== "undefined" && document.cookie.split("; ").includes(`${ANON_HINT}=1`);
}

export function clearAnonHint(): void {
  document.cookie = `${ANON_HINT}=; Path=/; Max-Age=0; SameSite=Lax`;
}
