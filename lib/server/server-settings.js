// @ts-check
// The settings the HTTP server (scripts/serve.mjs) reads for itself, checked at start so a typo
// stops the server with a message instead of being silently ignored. The app's settings are
// lib/env.ts's; this file holds only what runs outside Next.
const { parseTrustProxy } = require("../http/client-address.js");

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * @param {string | undefined} raw
 * @param {string} name
 * @param {number} fallback
 */
function positiveInt(raw, name, fallback) {
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return Number(raw);
}

/** @param {NodeJS.ProcessEnv} env */
function serverSettings(env) {
  const logLevel = (env.LOG_LEVEL ?? "info").trim().toLowerCase() || "info";
  if (!LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")} (got "${env.LOG_LEVEL}")`);
  return {
    port: positiveInt(env.PORT, "PORT", 3000),
    trust: parseTrustProxy(env.TRUST_PROXY),
    logLevel,
    // In-flight requests get this long to finish after SIGTERM/SIGINT.
    shutdownTimeoutMs: positiveInt(env.SHUTDOWN_TIMEOUT_MS, "SHUTDOWN_TIMEOUT_MS", 10_000),
    heapMb: positiveInt(env.NODE_HEAP_MB, "NODE_HEAP_MB", DEFAULT_HEAP_MB),
  };
}

// Left to itself, V8 lets the heap grow toward a limit set by the machine's memory and collects
// late: the benchmark's server reached ~660 MiB resident under posting load with a live heap far
// smaller. Capped, it collects sooner, at no measured cost in throughput, and stayed under 400 MiB
// through the whole benchmark. Applied where the server is started (`npm start`, the benchmark,
// the end-to-end tests, deploy/dept@.service), since Node reads it only at start.
const DEFAULT_HEAP_MB = 256;

/** Node's flag for the heap cap, for the command that starts scripts/serve.mjs. @param {NodeJS.ProcessEnv} env */
function heapFlag(env) {
  return `--max-old-space-size=${serverSettings(env).heapMb}`;
}

module.exports = { serverSettings, heapFlag };
