// @ts-check
// Next's own cache of rendered pages (memory, then files under .next), plus two things:
// - every cached page is stored with a Content-Security-Policy header allowing exactly its own
//   inline scripts (lib/cache/script-hashes.js). Next sends a cached page's stored headers with
//   it on every hit, and on the miss that rendered it the stored entry is the one served, so the
//   policy is computed once per render, not per request;
// - a 404 (an unknown article, a page of comments past the end) is not stored. Anyone can ask
//   for endless such addresses, and each would take memory and files. Only an address that held
//   a page has its entry replaced by the 404, so an unpublished article stops being served.
// Named in next.config.js (cacheHandler).
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { hashPolicyFor } = require("./script-hashes");

const HEADER = "content-security-policy";

/** @param {any} value a cache entry's value */
function withScriptPolicy(value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string") return value;
  // Pages rendered at build time (the 404 page) come from disk without it: add it once, in place,
  // so the copy Next keeps in memory has it from then on.
  if (value.headers?.[HEADER]) return value;
  const policy = hashPolicyFor(value.html);
  // In place: the miss that rendered the page is answered from this very object.
  if (value.headers) value.headers[HEADER] = policy;
  else value.headers = { [HEADER]: policy };
  return value;
}

/** @param {any} value a cache entry's value */
const isNotFound = (value) => value?.kind === "APP_PAGE" && value.status === 404;

class ScriptHashCacheHandler extends FileSystemCache {
  /** @type {FileSystemCache["get"]} */
  async get(...args) {
    const entry = await super.get(...args);
    if (entry?.value) withScriptPolicy(entry.value);
    return entry;
  }

  /** @type {FileSystemCache["set"]} */
  async set(key, data, ctx) {
    withScriptPolicy(data);
    if (isNotFound(data) && !this.holds(key)) return;
    return super.set(key, data, ctx);
  }

  /**
   * Whether a page is stored under `key`, in memory or on disk (even one that a revalidation
   * made stale, which would be served again after a restart).
   * @param {string} key
   */
  holds(key) {
    // Next's own private fields: its memory cache, and the file its set() writes the HTML to.
    if (/** @type {any} */ (FileSystemCache).memoryCache?.has(key)) return true;
    const { flushToDisk, fs } = /** @type {any} */ (this);
    try {
      return Boolean(flushToDisk && fs.existsSync(/** @type {any} */ (this).getFilePath(`${key}.html`, "APP_PAGE")));
    } catch {
      return false; // a key that would leave the cache's folder, which Next refuses anyway
    }
  }
}

module.exports = ScriptHashCacheHandler;
module.exports.withScriptPolicy = withScriptPolicy;
