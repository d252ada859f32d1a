// @ts-check
// Next's cache handler (next.config.js cacheHandler): the pages of a site served by several
// instances live in Redis when REDIS_URL is set; otherwise one instance keeps them in memory and
// on its disk, both capped. A build never writes to Redis: what it prerenders stays in its folder.
const { cacheEnv } = require("./cache-env");

const building = process.env.NEXT_PHASE === "phase-production-build";

module.exports = cacheEnv().REDIS_URL && !building ? require("./redis-page-cache") : require("./script-hash-cache-handler");
