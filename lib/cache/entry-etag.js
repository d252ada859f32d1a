// @ts-check
// A cached page's ETag, computed once when the page is stored (or first read back from disk),
// and sent with its other stored headers on every hit. Next's own (next.config.js
// `generateEtags`, off) hashes the whole page in JavaScript on every response: on the cached
// article page that was most of the server's time per request. lib/server/http-caching.js
// answers If-None-Match with it.
const { createHash } = require("node:crypto");

const HEADER = "etag";

/**
 * @param {any} value a cache entry's value, changed in place
 */
function withEtag(value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string") return value;
  if (value.headers?.[HEADER]) return value;
  const etag = `"${createHash("sha1").update(value.html).digest("base64url").slice(0, 27)}"`;
  if (value.headers) value.headers[HEADER] = etag;
  else value.headers = { [HEADER]: etag };
  return value;
}

module.exports = { withEtag };
