// @ts-check
// The HTTP server's copy of cached pages as Next sent them (scripts/serve.mjs). A cached page
// costs Next its routing, its cache lookup and a response assembled from the stored entry on
// every request; a static file of the same size is served twice as fast. So once Next has
// answered an address from its cache (a HIT), the bytes it sent are kept here, and the next
// request for the same address is answered with them, for as long as Next would still serve that
// same entry (lib/cache/servable-entries.js: the entry Next holds in memory, no tag invalidated
// since its render, its revalidate time not passed). The headers added per response (Cache-Control,
// Last-Modified, 304s) are still settled by lib/server/http-caching.js, as for Next's own answer.
//
// Only requests whose answer depends on nothing but the address are served from a copy:
// - GET or HEAD, neither Next's router (RSC payloads, prefetches, server actions) nor a
//   revalidation request, no `_rsc` in the query;
// - no cookie Next or proxy.ts reads to choose the page: the writer's fresh view (`dept.fresh`)
//   and Next's draft mode. A session cookie changes nothing a cached page holds (the reader's own
//   state comes from /api/viewer), only the Cache-Control, which is settled per request;
// - not /best, whose address proxy.ts rewrites to this week's page by the date.
// A copy is kept per address and Accept-Encoding, as Next compressed it for that header.
const { isServable } = require("../cache/servable-entries");
const { mergeHeadHeaders } = require("./head-headers");

const SELECTING_COOKIE = /(?:^|;\s*)(?:(?:__Secure-)?dept\.fresh|__prerender_bypass|__next_preview_data)=/;
const DATE_DEPENDENT = /^\/best(?:[/?]|$)/;

/**
 * The key a request's copy is kept under, or null when its answer may depend on more than that.
 * @param {import("node:http").IncomingMessage} req
 */
function replayKey(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (url.includes("_rsc=") || DATE_DEPENDENT.test(url)) return null;
  for (const name in req.headers) {
    if (name === "rsc" || name.startsWith("next-") || name.startsWith("x-next") || name.startsWith("x-prerender") || name.startsWith("x-middleware")) return null;
  }
  const cookie = req.headers.cookie;
  if (cookie !== undefined && SELECTING_COOKIE.test(cookie)) return null;
  return `${url}\n${req.headers["accept-encoding"] ?? ""}`;
}

/** Headers that belong to one response, not to the page. */
const PER_RESPONSE = ["x-request-id", "content-length", "transfer-encoding", "connection", "keep-alive", "date"];

/**
 * @typedef {{ etag: string, headers: Record<string, string | string[] | number>, body: Buffer }} Copy
 * @param {{ maxBytes: number, servable?: (etag: string) => boolean }} options
 */
function createPageReplay({ maxBytes, servable = isServable }) {
  /** @type {Map<string, Copy>} least recently served first */
  const copies = new Map();
  let bytes = 0;

  /** @param {string} key */
  function drop(key) {
    const copy = copies.get(key);
    if (!copy) return;
    copies.delete(key);
    bytes -= copy.body.length;
  }

  /** @param {string} key @param {Copy} copy */
  function keep(key, copy) {
    if (copy.body.length > maxBytes) return;
    drop(key);
    copies.set(key, copy);
    bytes += copy.body.length;
    while (bytes > maxBytes) drop(/** @type {string} */ (copies.keys().next().value));
  }

  /**
   * Answers the request from a copy, if one is kept and still what Next would send.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @returns {boolean} whether it did
   */
  function serve(req, res) {
    const key = replayKey(req);
    if (key === null) return false;
    const copy = copies.get(key);
    if (!copy) return false;
    if (!servable(copy.etag)) {
      drop(key);
      return false;
    }
    copies.delete(key);
    copies.set(key, copy);
    for (const [name, value] of Object.entries(copy.headers)) res.setHeader(name, value);
    res.setHeader("Content-Length", copy.body.length);
    res.writeHead(200);
    res.end(req.method === "HEAD" ? undefined : copy.body);
    return true;
  }

  /**
   * Keeps a copy of Next's answer to this request when it is a cached page Next sent as a HIT.
   * Called before Next handles the request.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  function watch(req, res) {
    // A conditional request may be answered 304, without the body.
    if (req.method !== "GET" || req.headers["if-none-match"] !== undefined || req.headers["if-modified-since"] !== undefined) return;
    const key = replayKey(req);
    if (key === null) return;
    /** @type {{ etag: string, headers: Copy["headers"] } | null} */
    let head = null;
    /** @type {Buffer[]} */
    const chunks = [];
    const { writeHead } = res;
    const write = /** @type {(...args: any[]) => boolean} */ (res.write);
    const end = /** @type {(...args: any[]) => import("node:http").ServerResponse} */ (res.end);
    /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      mergeHeadHeaders(res, rest);
      head = pageHead(status, res);
      return writeHead.call(this, status, ...rest);
    };
    /** @param {any} chunk @param {any} [encoding] */
    const collect = (chunk, encoding) => {
      if (head === null || chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8") : Buffer.from(chunk));
    };
    // Collected after passing each chunk on: the first write sends the head, which says whether
    // the answer is a cached page at all.
    /** @type {any} */ (res).write = function (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
      const result = write.call(this, chunk, ...rest);
      collect(chunk, rest[0]);
      return result;
    };
    /** @type {any} */ (res).end = function (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
      const result = end.call(this, chunk, ...rest);
      collect(chunk, rest[0]);
      if (head !== null && servable(head.etag)) keep(key, { ...head, body: Buffer.concat(chunks) });
      return result;
    };
  }

  return {
    serve,
    watch,
    /** What the copies take, for tests and the benchmark. */
    stats: () => ({ copies: copies.size, bytes }),
  };
}

/**
 * A cached page's head as Next sends it, or null for any other answer.
 * @param {number} status
 * @param {import("node:http").ServerResponse} res
 */
function pageHead(status, res) {
  if (status !== 200 || res.getHeader("x-nextjs-cache") !== "HIT" || res.hasHeader("set-cookie")) return null;
  const etag = res.getHeader("etag");
  if (typeof etag !== "string") return null;
  /** @type {Copy["headers"]} */
  const headers = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (value !== undefined && !PER_RESPONSE.includes(name)) headers[name] = value;
  return { etag, headers };
}

module.exports = { createPageReplay, replayKey };
