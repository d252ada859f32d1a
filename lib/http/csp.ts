import { BASE_POLICY } from "./base-policy";

// Pages rendered per request get a script policy with a fresh nonce (proxy.ts): only scripts
// carrying it run, and scripts they load ('strict-dynamic'); an injected inline script or event
// handler does not. Cached pages cannot carry a per-request nonce (their HTML is the same for
// every reader): they are stored with the hashes of their own scripts instead
// (lib/cache/script-hash-cache-handler.js).
export { BASE_POLICY };

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The whole policy of a page rendered per request with this nonce. */
export function noncePolicy(nonce: string, dev = false): string {
  // React's development build evaluates code to rebuild server error stacks.
  return `${BASE_POLICY}; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`;
}
