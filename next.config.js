// @ts-check
const { BASE_POLICY } = require("./lib/http/base-policy");
const { cacheEnv } = require("./lib/cache/cache-env");

// Headers every response carries. The policy here restricts what needs no script policy;
// proxy.ts adds one with a nonce to pages rendered per request, and the cache handler one with
// script hashes to cached pages (see lib/http/base-policy.js).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: BASE_POLICY },
  ...((process.env.SITE_URL ?? "").startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Cached pages carry an ETag computed once when stored (lib/cache/entry-etag.js); Next's own
  // hashes every response body again in JavaScript, which was most of a cached page's cost.
  generateEtags: false,
  // Native and WebAssembly pieces of the database layer stay outside the server bundle.
  // nodemailer too: loaded by Node as the scripts and tests load it, rather than bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "nodemailer"],
  experimental: {
    // When proxy.ts runs for a request, Next first buffers its whole body in memory (so both can
    // read it), up to 10 MB by default. Nothing posted to this site is larger than Next's own
    // limit for server actions (1 MiB; route handlers refuse far less, lib/http/body-limit.ts).
    proxyClientMaxBodySize: "1mb",
  },
  // Next's cache of rendered pages, storing each with a policy allowing its own inline scripts:
  // in Redis when REDIS_URL is set, else on this instance's disk (lib/cache/page-cache-handler.js).
  cacheHandler: require.resolve("./lib/cache/page-cache-handler.js"),
  // Its memory layer (one instance only), in bytes.
  cacheMaxMemorySize: cacheEnv().CACHE_MAX_MEMORY_MB * 1024 * 1024,
  // Tests build into their own folder so they never clobber (or reuse) the served build.
  distDir: process.env.DEPT_DIST_DIR || ".next",
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
