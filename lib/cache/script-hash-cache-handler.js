// @ts-check
// Next's own cache of rendered pages (memory, then files under .next), plus three things:
// - every cached page is stored with a Content-Security-Policy header allowing exactly its own
//   inline scripts (lib/cache/script-hashes.js). Next sends a cached page's stored headers with
//   it on every hit, and on the miss that rendered it the stored entry is the one served, so the
//   policy is computed once per render, not per request;
// - a 404 (an unknown article, tag or member, a page of comments past the end) or a redirect (a
//   list's page number past its end) is not stored. Anyone can ask
//   for endless such addresses, and each would take memory and files. Only an address that held
//   a page has its entry replaced by the 404, so an unpublished article stops being served.
// - a page is stored as of the time its render began (lib/cache/render-starts.js says why);
// - every page entry handed to Next or stored is noted for the HTTP server, which may send it again
//   while Next would still serve it (lib/cache/servable-entries.js);
// - the pages on disk are capped in number and size (lib/cache/disk-bound.js); Next's memory layer
//   in front has its own cap (cacheMaxMemorySize in next.config.js).
// The cache of one instance; with REDIS_URL, lib/cache/redis-page-cache.js is used instead
// (lib/cache/page-cache-handler.js chooses).
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { cacheEnv } = require("./cache-env");
const { DiskBound, entrySize } = require("./disk-bound");
const { hashPolicyFor } = require("./script-hashes");
const { withRenderTime } = require("./render-time");
const { withEtag } = require("./entry-etag");
const { renderStarts } = require("./render-starts");
const { noteEntry } = require("./servable-entries");
const { utimes } = require("node:fs/promises");

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

/**
 * Not a page to keep: a 404 (page or route handler, e.g. an unknown tag's feed), or a redirect
 * a page answered with (a list's page number past its end lands on its last page).
 * @param {any} value a cache entry's value
 */
const isNotFound = (value) => (value?.kind === "APP_PAGE" || value?.kind === "APP_ROUTE") && value.status >= 300;

/** Next's memory layer, shared by every handler of the process (absent when it is sized 0). */
const memoryCache = () => /** @type {any} */ (FileSystemCache).memoryCache;

/**
 * One cap per build folder: Next makes a handler per request. On globalThis, because Next may
 * bundle this file into more than one server chunk, each with its own module state.
 * @type {Map<string, DiskBound>}
 */
const bounds = (/** @type {any} */ (globalThis)[Symbol.for("dept.pageCacheBounds")] ??= new Map());

class ScriptHashCacheHandler extends FileSystemCache {
  /**
   * @param {ConstructorParameters<typeof FileSystemCache>[0] & { maxEntries?: number, maxBytes?: number }} ctx
   * (the caps are for tests; Next passes neither and the environment decides)
   */
  constructor(ctx) {
    super(ctx);
    const { serverDistDir } = /** @type {{ serverDistDir?: string }} */ (ctx);
    if (!serverDistDir) return;
    let bound = bounds.get(serverDistDir);
    if (!bound) {
      const settings = cacheEnv();
      bound = new DiskBound({
        serverDistDir,
        maxEntries: ctx.maxEntries ?? settings.CACHE_MAX_ENTRIES,
        maxBytes: ctx.maxBytes ?? settings.CACHE_MAX_DISK_MB * 1024 * 1024,
        forget: (key) => memoryCache()?.remove(key),
      });
      bounds.set(serverDistDir, bound);
    }
    /** @type {DiskBound | undefined} */
    this.bound = bound;
  }

  /** @type {FileSystemCache["get"]} */
  async get(...args) {
    const entry = await super.get(...args);
    if (entry?.value) withEtag(withScriptPolicy(entry.value));
    renderStarts.looked(args[0], args[1], entry);
    noteEntry(args[0], entry, memoryCache);
    return entry;
  }

  /** @type {FileSystemCache["set"]} */
  async set(key, data, ctx) {
    withScriptPolicy(data);
    withRenderTime(data);
    withEtag(data);
    const stamp = renderStarts.stored(key);
    if (isNotFound(data) && !this.holds(key, /** @type {any} */ (data).kind)) return;
    const storing = super.set(key, data, ctx);
    // Next put the entry in memory before its first await, stamped with the time of storing.
    const inMemory = memoryCache()?.get(key);
    if (inMemory?.value === data) {
      inMemory.lastModified = stamp;
      noteEntry(key, inMemory, memoryCache);
    }
    await storing;
    await this.stampOnDisk(key, data, stamp);
    // Data entries (unstable_cache) are few, one or two per article: only pages are counted.
    const { flushToDisk } = /** @type {any} */ (this);
    if (flushToDisk && this.bound && data && data.kind !== "FETCH") await this.bound.wrote(key, entrySize(data));
  }

  /**
   * A page read back from disk (after leaving the memory cache) is stamped with its file's time.
   * @param {string} key @param {any} data @param {number} stamp
   */
  async stampOnDisk(key, data, stamp) {
    if (data?.kind !== "APP_PAGE" && data?.kind !== "APP_ROUTE") return;
    const file = this.pageFile(key, data.kind);
    const at = new Date(stamp);
    // Not written (a key Next refuses): nothing to stamp.
    if (file) await utimes(file, at, at).catch(() => {});
  }

  /**
   * The file Next's set() writes a page's HTML (or a route handler's body) to, or null when pages
   * stay in memory or the key would leave the cache's folder (which Next refuses anyway).
   * @param {string} key
   * @param {"APP_PAGE" | "APP_ROUTE"} kind
   */
  pageFile(key, kind) {
    // Next's own private fields.
    const { flushToDisk, getFilePath } = /** @type {any} */ (this);
    if (!flushToDisk) return null;
    try {
      return /** @type {string} */ (getFilePath.call(this, kind === "APP_ROUTE" ? `${key}.body` : `${key}.html`, kind));
    } catch {
      return null;
    }
  }

  /**
   * Whether a page is stored under `key`, in memory or on disk (even one that a revalidation
   * made stale, which would be served again after a restart).
   * @param {string} key
   * @param {"APP_PAGE" | "APP_ROUTE"} kind
   */
  holds(key, kind = "APP_PAGE") {
    // Next's own private fields: its memory cache, and its file system.
    if (memoryCache()?.has(key)) return true;
    const file = this.pageFile(key, kind);
    return file !== null && Boolean(/** @type {any} */ (this).fs.existsSync(file));
  }
}

module.exports = ScriptHashCacheHandler;
module.exports.withScriptPolicy = withScriptPolicy;
module.exports.isNotFound = isNotFound;
