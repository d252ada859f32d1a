// @ts-check
// Next's own cache of rendered pages (memory, then files under .next), plus one thing: every
// cached page is stored with a Content-Security-Policy header allowing exactly its own inline
// scripts (lib/cache/script-hashes.js). Next sends a cached page's stored headers with it on
// every hit, and on the miss that rendered it the stored entry is the one served, so the policy
// is computed once per render, not per request. Named in next.config.js (cacheHandler).
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

class ScriptHashCacheHandler extends FileSystemCache {
  /** @type {FileSystemCache["get"]} */
  async get(...args) {
    const entry = await super.get(...args);
    if (entry?.value) withScriptPolicy(entry.value);
    return entry;
  }

  /** @type {FileSystemCache["set"]} */
  async set(key, data, ctx) {
    return super.set(key, withScriptPolicy(data), ctx);
  }
}

module.exports = ScriptHashCacheHandler;
module.exports.withScriptPolicy = withScriptPolicy;
