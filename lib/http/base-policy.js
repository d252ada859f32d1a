// @ts-check
// The part of the Content-Security-Policy every response carries (next.config.js): framing,
// plugins, <base>, and where forms may go (the OAuth providers too: sign-in redirects there).
// Scripts are restricted on top of it, per page: pages rendered per request by a fresh nonce
// (proxy.ts, lib/http/csp.ts), cached pages by the hashes of their own inline scripts
// (lib/cache/script-hash-cache-handler.js). CommonJS so next.config.js and the cache handler,
// which Node loads unbundled, can share it with the TypeScript code.
const BASE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self' https://github.com https://accounts.google.com";

module.exports = { BASE_POLICY };
