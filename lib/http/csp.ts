// The Content-Security-Policy. Directives that need no nonce go on every response (next.config.js).
// Pages rendered per request also get a script policy with a fresh nonce (proxy.ts): only
// scripts carrying it run, and scripts they load ('strict-dynamic'); an injected inline script
// or event handler does not. The cached article pages cannot carry a per-request nonce (their
// HTML is the same for every reader), so they rely on the sanitizer alone for scripts.
export const BASE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self' https://github.com https://accounts.google.com";

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
