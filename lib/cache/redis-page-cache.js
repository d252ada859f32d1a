// @ts-check
// The page cache of several instances (REDIS_URL set): Next's cached pages and data entries live in
// Redis through @fortedigital/nextjs-cache-handler's redis-strings handler, so a page stored or
// revalidated by one instance is what every instance serves next. What the one-instance handler
// adds stays: each page carries its own script-hash policy, and a 404 is stored only to replace a
// page (lib/cache/script-hash-cache-handler.js says why).
//
// In front, this process's copies of the pages it read (lib/cache/local-copies.js), each used only
// once Redis confirms it is still current. Keys are namespaced per build and database
// (lib/cache/cache-env.js) and expire (a page an hour and a half after it was stored, per its
// revalidate of an hour; a page without one after a day and a half).
//
// A page is stored as of the time its render began (lib/cache/render-starts.js says why), and every
// tag's invalidation is timed (the handler times only Next's path tags), so a page whose render
// began before an invalidation of one of its tags is not served after it, even if stored after it.
//
// Redis away: reads and writes fail at once (no offline queue), so every request renders its page
// as if nothing were cached, and nothing waits on Redis longer than TIMEOUT_MS. A revalidation that
// could not reach Redis is not lost: once this instance reaches Redis again it drops the whole
// namespace, which the instances then fill afresh.
const { CacheHandler } = require("@fortedigital/nextjs-cache-handler");
const createRedisHandler = require("@fortedigital/nextjs-cache-handler/redis-strings").default;
const { createClient } = require("redis");
const { cacheEnv, redisKeyPrefix } = require("./cache-env");
const { LocalCopies, STAMPS } = require("./local-copies");
const { isNotFound, withScriptPolicy } = require("./script-hash-cache-handler");
const { withRenderTime } = require("./render-time");
const { withEtag } = require("./entry-etag");
const { renderStarts } = require("./render-starts");
const { NEXT_CACHE_IMPLICIT_TAG_ID } = require("next/dist/lib/constants");

const TIMEOUT_MS = 1_000;
const DAY_SECONDS = 86_400;
// The handler's bookkeeping hashes (tags of each key, their expiry, revalidation times) outlive
// any entry, and go with their namespace when nothing has written to it for this long.
const BOOKKEEPING_SECONDS = 2 * DAY_SECONDS;
// The handler's hash of invalidation times, tag → milliseconds, checked against a page's stamp on read.
const REVALIDATED_TAGS = "__revalidated_tags__";
const BOOKKEEPING_KEYS = ["__sharedTags__", "__sharedTagsTtl__", REVALIDATED_TAGS, STAMPS];
// Next's implicit tags (a path, a layout), which the handler times itself.
const isImplicitTag = (/** @type {string} */ tag) => tag.startsWith(NEXT_CACHE_IMPLICIT_TAG_ID);

// Next bundles this file into several server chunks of the build, each with its own copy of
// module-level state; what must be one per process (the Redis connection, the handler's settings,
// the context Next gave) is kept on globalThis instead.
/**
 * @typedef {{
 *   client?: ReturnType<typeof createClient>, prefix: string, missedRevalidation: boolean,
 *   config?: any, context?: any, revalidate?: (tags: string[]) => Promise<void>
 * }} Shared
 */
const SHARED = Symbol.for("dept.sharedPageCache");
/** @type {Shared} */
const state = (/** @type {any} */ (globalThis)[SHARED] ??= { prefix: "", missedRevalidation: false });

/** @param {string | undefined} buildId */
function configure(buildId) {
  state.config ??= createConfig(buildId);
  return state.config;
}

/** @param {string | undefined} buildId */
function createConfig(buildId) {
  const { REDIS_URL, DATABASE_URL, CACHE_MAX_MEMORY_MB } = cacheEnv();
  const client = createClient({
    url: REDIS_URL,
    name: `dept-page-cache-${process.pid}`,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  // Without a listener an unreachable Redis would be an uncaught error: a miss renders the page.
  client.on("error", () => {});
  client.on("ready", () => void clearIfRevalidationMissed());
  client.connect().catch(() => {});
  state.client = client;
  state.prefix = redisKeyPrefix(buildId ?? "unbuilt", DATABASE_URL);
  const redis = createRedisHandler({ client: /** @type {any} */ (client), keyPrefix: state.prefix, timeoutMs: TIMEOUT_MS, keyExpirationStrategy: "EXAT" });
  const keepBookkeeping = () => Promise.all(BOOKKEEPING_KEYS.map((name) => client.expire(state.prefix + name, BOOKKEEPING_SECONDS)));
  const copies = new LocalCopies({ client, prefix: state.prefix, maxBytes: CACHE_MAX_MEMORY_MB * 1024 * 1024, timeoutMs: TIMEOUT_MS });
  return {
    handlers: [
      {
        ...redis,
        /** @type {typeof redis.get} */
        get: (key, meta) => copies.get(key, () => redis.get(key, meta)),
        /** @type {typeof redis.set} */
        async set(key, value, ctx) {
          await redis.set(key, value, ctx);
          await copies.stored(key);
          await keepBookkeeping();
        },
        /** @type {typeof redis.revalidateTag} */
        async revalidateTag(tag) {
          try {
            // Timed before the pages carrying it are deleted: a render in flight stores its page
            // afterwards, stamped with its start, and that page is then refused on read.
            if (!isImplicitTag(tag)) await client.withAbortSignal(AbortSignal.timeout(TIMEOUT_MS)).hSet(state.prefix + REVALIDATED_TAGS, tag, Date.now());
            await redis.revalidateTag(tag);
            // A revalidation may be what created the revalidation-times hash.
            await keepBookkeeping();
          } catch (error) {
            state.missedRevalidation = true;
            // Still connected (a timeout): clear soon rather than at the next reconnect.
            setTimeout(() => void clearIfRevalidationMissed(), 1_000).unref();
            throw error;
          }
        },
      },
    ],
    ttl: { defaultStaleAge: DAY_SECONDS, estimateExpireAge: (/** @type {number} */ staleAge) => staleAge * 1.5 },
  };
}

/** After an outage that swallowed a revalidation, no stored page can be trusted. */
async function clearIfRevalidationMissed() {
  const { client } = state;
  if (!state.missedRevalidation || !client) return;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${state.prefix}*`, COUNT: 1_000 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    state.missedRevalidation = false;
  } catch {
    // Lost again: the next "ready" tries again.
  }
}

CacheHandler.onCreation(({ buildId }) => configure(buildId));

/** Whether a page is stored under `key` (a 404 may replace it). @param {string} key */
async function holds(key) {
  const { client } = state;
  if (!client?.isReady) return false;
  try {
    return (await client.withAbortSignal(AbortSignal.timeout(TIMEOUT_MS)).exists(state.prefix + key)) === 1;
  } catch {
    return false;
  }
}

class RedisPageCache extends CacheHandler {
  /** For tests: the client and key prefix in use (after the first get or set). */
  static state = state;

  /** @param {ConstructorParameters<typeof CacheHandler>[0]} context */
  constructor(context) {
    super(context);
    // Where the build is, for the revalidations lib/cache/revalidate.ts asks for.
    state.context = context;
  }

  /** @type {CacheHandler["get"]} */
  async get(...args) {
    const entry = await super.get(...args);
    if (entry?.value) withEtag(withScriptPolicy(entry.value));
    renderStarts.looked(args[0], /** @type {any} */ (args[1]), /** @type {any} */ (entry));
    return entry;
  }

  /** @type {CacheHandler["set"]} */
  async set(key, data, ctx) {
    withScriptPolicy(data);
    withRenderTime(data);
    withEtag(data);
    const stamp = renderStarts.stored(key);
    if (isNotFound(data) && !(await holds(key))) return;
    return super.set(key, data, { ...ctx, internal_lastModified: stamp });
  }
}

// lib/cache/revalidate.ts applies a write's revalidations through this before the response goes,
// rather than after it as Next would (it says why).
state.revalidate = async (tags) => {
  if (state.context) await new RedisPageCache(state.context).revalidateTag(tags);
};

module.exports = RedisPageCache;
