// @ts-check
// Conditional GETs (RFC 9110 §13): whether a client's copy, named by If-None-Match or
// If-Modified-Since, is still the response we would send, so a 304 without a body can stand in
// for it. CommonJS so that the HTTP server (scripts/serve.mjs), which Node loads unbundled,
// shares it with the TypeScript code and its tests.

/**
 * Whether `etag` is among the entity tags of an If-None-Match header. GET compares weakly: a
 * `W/` prefix on either side does not matter (§13.1.2).
 * @param {string} ifNoneMatch
 * @param {string} etag
 */
function etagMatches(ifNoneMatch, etag) {
  const opaque = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * The Last-Modified a response may carry at `now`, or undefined. An HTTP date has whole seconds,
 * so two renders within one second would share a date, and a client holding the first would be
 * told the second is "not modified". A date is sent only once its second is over: every render
 * that could share it happened before the client got it (and a date from a clock ahead of this
 * one is never sent).
 * @param {string | undefined} lastModified
 * @param {number} now milliseconds
 */
function lastModifiedToSend(lastModified, now) {
  const at = lastModified === undefined ? NaN : Date.parse(lastModified);
  if (Number.isNaN(at)) return undefined;
  return Math.floor(now / 1000) > Math.floor(at / 1000) ? lastModified : undefined;
}

/**
 * Whether a GET or HEAD with these request headers, answered 200 with these validators, gets a
 * 304 instead. If-None-Match decides when present (§13.2.2): If-Modified-Since is then ignored.
 * @param {{ ifNoneMatch?: string, ifModifiedSince?: string }} request
 * @param {{ etag?: string, lastModified?: string }} response
 */
function isNotModified({ ifNoneMatch, ifModifiedSince }, { etag, lastModified }) {
  if (ifNoneMatch !== undefined) return etag !== undefined && etagMatches(ifNoneMatch, etag);
  if (ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  const modified = Date.parse(lastModified);
  if (Number.isNaN(since) || Number.isNaN(modified)) return false;
  return modified <= since;
}

module.exports = { etagMatches, isNotModified, lastModifiedToSend };
