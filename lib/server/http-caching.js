// @ts-check
// HTTP caching for every GET and HEAD the server answers, applied as the response's head goes out,
// so it holds for whatever Next sends (cached pages, feeds and other route handlers alike):
// - Cache-Control as lib/http/cache-policy.js says (public for cached pages, never for a request
//   with a session cookie);
// - a Last-Modified (the render time the page cache stores, lib/cache/render-time.js) only once
//   it can tell renders apart (lib/http/conditional.js);
// - a 200 whose ETag or Last-Modified matches the request's If-None-Match or If-Modified-Since
//   becomes a 304 without a body. Next does this itself only for a page's ETag; route handlers
//   (feeds) and If-Modified-Since are left to here.
const { cacheControlFor, isPersonalRequest } = require("../http/cache-policy");
const { isNotModified, lastModifiedToSend } = require("../http/conditional");
const { mergeHeadHeaders } = require("./head-headers");

/** Headers that describe a body: a 304 has none. */
const BODY_HEADERS = ["content-length", "content-type", "transfer-encoding", "content-encoding"];

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {() => number} [now] the clock, for tests
 */
function applyHttpCaching(req, res, now = Date.now) {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  const path = (req.url ?? "/").split(/[?#]/)[0];
  const personal = isPersonalRequest(req.headers.cookie);
  const writeHead = /** @type {(...args: any[]) => import("node:http").ServerResponse} */ (res.writeHead);
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    // Headers given here are merged first, so the rules below see them.
    mergeHeadHeaders(res, rest);
    // Next replays a cached page's redirect with its stored Location and appends its own: one
    // address, twice, which a strict client may refuse. Keep one.
    const location = res.getHeader("location");
    if (Array.isArray(location) && new Set(location).size === 1) res.setHeader("Location", location[0]);
    const given = res.getHeader("cache-control");
    const cacheControl = cacheControlFor({ path, status, cacheControl: given === undefined ? undefined : String(given), personal });
    if (cacheControl !== undefined) res.setHeader("Cache-Control", cacheControl);
    if (status === 200) {
      const stored = res.getHeader("last-modified");
      const lastModified = lastModifiedToSend(stored === undefined ? undefined : String(stored), now());
      if (lastModified === undefined) res.removeHeader("last-modified");
      // A cached page's stored ETag names its HTML (lib/cache/entry-etag.js); the same stored
      // headers go out with its RSC payload, which is another body: that one gets none.
      if (req.headers.rsc !== undefined) res.removeHeader("etag");
      const etag = res.getHeader("etag");
      const request = { ifNoneMatch: req.headers["if-none-match"], ifModifiedSince: req.headers["if-modified-since"] };
      if (isNotModified(request, { etag: etag === undefined ? undefined : String(etag), lastModified })) {
        for (const name of BODY_HEADERS) res.removeHeader(name);
        // Node drops whatever body is written after a 304's head.
        return writeHead.call(this, 304, "Not Modified");
      }
    }
    return writeHead.call(this, status, ...rest);
  };
}

module.exports = { applyHttpCaching };
