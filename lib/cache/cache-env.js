// @ts-check
// The page cache's settings. Next loads the cache handler by itself, outside the app's bundle and
// before lib/env.ts runs, so the handler parses its own variables here; lib/env.ts merges the same
// shape into the site's schema, so a bad value also stops the site at start with the usual message.
const { createHash } = require("node:crypto");
const { z } = require("zod");

const CacheEnvShape = {
  // Several instances: the page cache lives in Redis (lib/cache/redis-page-cache.js).
  // (Set but empty, as an env file's `REDIS_URL=` leaves it: not set.)
  REDIS_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^rediss?:\/\/\S+$/, "a redis:// or rediss:// URL").optional()),
  // One instance (no REDIS_URL): what the cached pages under .next/server/route-cache may take.
  CACHE_MAX_ENTRIES: z.coerce.number().int().min(10).default(5_000),
  CACHE_MAX_DISK_MB: z.coerce.number().min(1).default(512),
  // Next's own memory layer in front of those files (next.config.js cacheMaxMemorySize).
  CACHE_MAX_MEMORY_MB: z.coerce.number().min(0).default(64),
};

const CacheEnv = z.object({ ...CacheEnvShape, DATABASE_URL: z.string().min(1).default("file:./data/dept.db") });

/** @typedef {z.infer<typeof CacheEnv>} CacheSettings */

/** @returns {CacheSettings} */
function cacheEnv(source = process.env) {
  return CacheEnv.parse(source);
}

/**
 * Every Redis key of the page cache starts with this: one build on one database. Other builds
 * (a deploy's old and new instances, test runs) and other databases sharing the Redis never read
 * each other's pages. The database address is digested: it may hold a password.
 * @param {string} buildId
 * @param {string} databaseUrl
 */
function redisKeyPrefix(buildId, databaseUrl) {
  const database = createHash("sha256").update(databaseUrl).digest("hex").slice(0, 16);
  return `dept:page:${buildId.trim()}:${database}:`;
}

module.exports = { CacheEnvShape, cacheEnv, redisKeyPrefix };
