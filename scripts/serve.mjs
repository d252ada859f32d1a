// The HTTP server in front of Next (`npm start`, `npm run dev`, the e2e and benchmark runs).
// Next alone passes a client-written X-Forwarded-For through untouched, and the TCP peer's
// address never reaches a route. So every request gets its client address resolved here, once,
// from the peer and TRUST_PROXY (lib/http/client-address.js), in a header that no client can set.
// A path that does not decode is answered 400 here, before Next fails on it (lib/http/request-path.js).
// Each request gets an id (X-Request-Id) and one JSON log line when it ends (lib/server/request-log.js);
// SIGTERM/SIGINT stop the server gracefully (lib/server/graceful-stop.js). Cache-Control, 304s
// and Last-Modified for every GET are settled here too (lib/server/http-caching.js). A cached page
// Next has served once is sent again from a copy kept here, for as long as Next would send the same
// page (lib/server/page-replay.js).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import next from "next";
import pino from "pino";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const { CLIENT_ADDRESS_HEADER, resolveClientAddress } = require("../lib/http/client-address.js");
const { BAD_PATH_RESPONSE, isDecodablePath } = require("../lib/http/request-path.js");
const { isTrustedPeer, loggedPath, requestIdFor, sessionUserReader } = require("../lib/server/request-log.js");
const { gracefulStop } = require("../lib/server/graceful-stop.js");
const { applyHttpCaching } = require("../lib/server/http-caching.js");
const { serverSettings } = require("../lib/server/server-settings.js");
const { createPageReplay } = require("../lib/server/page-replay.js");
const { cacheEnv } = require("../lib/cache/cache-env.js");

const dev = process.argv.includes("--dev");
const settings = serverSettings(process.env);
const { port, trust } = settings;

// Development: readable lines; otherwise one JSON object per line on stdout.
const log = pino({ level: settings.logLevel, base: { pid: process.pid } }, dev ? require("pino-pretty")({ colorize: true }) : undefined);
// The app's own code (instrumentation.ts's onRequestError) logs through the same logger.
globalThis.deptLogger = log;
const userIdOf = sessionUserReader({ root, secret: process.env.AUTH_SECRET });

const app = next({ dev, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

// One instance's cache only: with Redis, other instances' writes expire pages this one cannot
// watch. It takes half as much memory as Next's own memory layer in front of the page files
// (CACHE_MAX_MEMORY_MB), and none when that is off.
const cache = cacheEnv();
const replay = !dev && !cache.REDIS_URL && cache.CACHE_MAX_MEMORY_MB > 0 ? createPageReplay({ maxBytes: (cache.CACHE_MAX_MEMORY_MB * 1024 * 1024) / 2 }) : null;

/** Responses not yet ended: what a graceful stop waits for. */
const inFlight = new Set();
let stopping = false;

function logRequest(req, res, id, started) {
  const line = {
    reqId: id,
    method: req.method,
    path: loggedPath(req.url),
    status: res.statusCode,
    ms: Math.round((performance.now() - started) * 10) / 10,
    // The client went away before the whole response was sent.
    ...(res.writableFinished ? {} : { aborted: true }),
  };
  const cookie = req.headers.cookie;
  if (!cookie) return log.info(line, "request");
  // Decrypted after the response, never before it.
  userIdOf(cookie).then(
    (userId) => log.info(userId ? { ...line, userId } : line, "request"),
    () => log.info(line, "request"),
  );
}

const server = createServer((req, res) => {
  const started = performance.now();
  const id = requestIdFor(req.headers["x-request-id"], isTrustedPeer(trust, req.socket.remoteAddress));
  // Next's code sees the id too (errors are logged with it).
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  inFlight.add(res);
  res.once("close", () => {
    inFlight.delete(res);
    logRequest(req, res, id, started);
  });
  // A request that came on a kept-alive connection after the stop began: served, then the
  // connection closes.
  if (stopping) res.setHeader("Connection", "close");
  if (!isDecodablePath(req.url)) {
    res.writeHead(BAD_PATH_RESPONSE.status, BAD_PATH_RESPONSE.headers).end(req.method === "HEAD" ? undefined : BAD_PATH_RESPONSE.body);
    return;
  }
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trust);
  // Nothing downstream may read a client-written address by mistake.
  delete req.headers["x-real-ip"];
  applyHttpCaching(req, res);
  if (replay?.serve(req, res)) return;
  replay?.watch(req, res);
  handle(req, res).catch((err) => {
    // Next answers its own errors; this is for one that escaped it. The client learns nothing.
    log.error({ reqId: id, err }, "unhandled request error");
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
// Node closes an idle keep-alive connection after 5 s, and a client (a proxy, a test's request
// context) that sends on it just then gets ECONNRESET. Outlive the idle timeout of the proxies a
// site runs behind (nginx and cloud load balancers keep 60 s), so the server is never the side
// that closes first; headersTimeout must exceed it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// Every interface, as `next start` does.
server.listen(port, () => {
  log.info({ port, dev }, `Listening on http://localhost:${port}${dev ? " (development)" : ""}`);
});

/** Exits once the log's buffered lines are written. */
function exit(code) {
  log.flush(() => process.exit(code));
}

function onSignal(signal) {
  if (stopping) {
    // A second signal: the operator does not want to wait.
    log.warn({ signal }, "second signal: exiting now");
    exit(1);
  }
  stopping = true;
  gracefulStop({ server, inFlight, timeoutMs: settings.shutdownTimeoutMs, log, signal }).then(
    (code) => exit(code),
    (err) => {
      log.error({ err }, "shutdown failed");
      exit(1);
    },
  );
}
process.on("SIGTERM", onSignal);
process.on("SIGINT", onSignal);
