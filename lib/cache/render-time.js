// @ts-check
// Each page or route response the cache stores keeps the time it was rendered as its
// Last-Modified, so the copy served from the cache (on any instance, after a restart) can answer
// If-Modified-Since (lib/server/http-caching.js). A response that names its own (a feed's build
// date) keeps it. Stored with the entry, like the script policy: Next sends a cached response's
// stored headers on every hit, and the miss that rendered it is answered from the stored value.

const HEADER = "last-modified";

/**
 * @param {any} value a cache entry's value, changed in place
 * @param {number} [now]
 */
function withRenderTime(value, now = Date.now()) {
  if (!value || (value.kind !== "APP_PAGE" && value.kind !== "APP_ROUTE")) return value;
  if (value.headers?.[HEADER]) return value;
  const date = new Date(now).toUTCString();
  if (value.headers) value.headers[HEADER] = date;
  else value.headers = { [HEADER]: date };
  return value;
}

module.exports = { withRenderTime };
