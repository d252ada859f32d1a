// @ts-check
// Which cached pages, named by their stored ETag, Next would still serve as they are (a HIT):
// what lets the HTTP server send a page it has already sent once without asking Next again
// (lib/server/page-replay.js). The page cache handler notes every page entry it hands Next or
// stores; a noted entry is servable while it is still the entry Next's memory cache holds for its
// key, none of its tags was expired or marked stale after it was rendered, and its revalidate
// time has not passed: the same tests, on the same state, that Next's own lookup makes
// (FileSystemCache.get and IncrementalCache.get), so a write's invalidation reaches both at once.
// Kept on globalThis: Next may load the handler in more than one chunk, each with its own module
// state, and the server outside Next must see what all of them noted.
const { areTagsExpired, areTagsStale } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { NEXT_CACHE_TAGS_HEADER } = require("next/dist/lib/constants");

/** Noted entries beyond this are forgotten oldest first. */
const MAX_NOTED = 10_000;

/**
 * @typedef {{ lastModified: number, value: any, cacheControl?: { revalidate: number | false, expire?: number } }} MemoryEntry
 * @typedef {{ get(key: string): MemoryEntry | undefined } | undefined} MemoryCache
 * @typedef {{ key: string, entry: WeakRef<MemoryEntry>, memory: () => MemoryCache }} Noted
 */

// Entries are held weakly, and a key's older entry is forgotten when a newer one is noted: a page
// Next has let go of (replaced by a new render, or evicted from its memory) must not be kept
// alive here. Every write to a discussion makes a new render of its page.
/** @type {{ noted: Map<string, Noted>, byKey: Map<string, string> }} */
const state = (/** @type {any} */ (globalThis)[Symbol.for("dept.servableEntries")] ??= { noted: new Map(), byKey: new Map() });

/**
 * The handler hands Next (or stores) `entry` under `key`; `memory` gives its memory cache.
 * @param {string} key
 * @param {MemoryEntry | null | undefined} entry
 * @param {() => MemoryCache} memory
 */
function noteEntry(key, entry, memory) {
  const kind = entry?.value?.kind;
  if (!entry || (kind !== "APP_PAGE" && kind !== "APP_ROUTE")) return;
  const etag = entry.value.headers?.etag;
  if (typeof etag !== "string") return;
  const { noted, byKey } = state;
  if (noted.get(etag)?.entry.deref() === entry) return;
  const previous = byKey.get(key);
  if (previous !== undefined && previous !== etag) forget(previous);
  noted.delete(etag);
  noted.set(etag, { key, entry: new WeakRef(entry), memory });
  byKey.set(key, etag);
  if (noted.size > MAX_NOTED) forget(/** @type {string} */ (noted.keys().next().value));
}

/**
 * Whether the page stored with this ETag is one Next would serve now as a HIT.
 * @param {string} etag
 * @param {number} now the time in ms (Next's clock: performance.timeOrigin + performance.now())
 */
function isServable(etag, now = performance.timeOrigin + performance.now()) {
  const known = state.noted.get(etag);
  if (!known) return false;
  const { key } = known;
  const entry = known.entry.deref();
  // Replaced by a newer render, evicted, or never kept in memory.
  if (!entry || known.memory()?.get(key) !== entry) return forget(etag);
  const { cacheControl, lastModified } = entry;
  // Without its own cache control Next falls back on the build's manifest: leave it to Next.
  if (!cacheControl) return false;
  if (typeof cacheControl.revalidate === "number" && lastModified + cacheControl.revalidate * 1000 < now) return false;
  if (typeof cacheControl.expire === "number" && lastModified + cacheControl.expire * 1000 < now) return false;
  const tags = entry.value.headers?.[NEXT_CACHE_TAGS_HEADER];
  if (typeof tags === "string" && tags.length > 0) {
    const list = tags.split(",");
    if (areTagsExpired(list, lastModified) || areTagsStale(list, lastModified)) return forget(etag);
  }
  return true;
}

/** How many entries are noted (for tests: what is held). */
const notedCount = () => state.noted.size;

/** @param {string} etag @returns {false} */
function forget(etag) {
  const known = state.noted.get(etag);
  state.noted.delete(etag);
  if (known && state.byKey.get(known.key) === etag) state.byKey.delete(known.key);
  return false;
}

module.exports = { MAX_NOTED, isServable, notedCount, noteEntry };
