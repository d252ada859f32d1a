// @ts-check
// How the HTTP server stops on SIGTERM/SIGINT without losing work: it stops accepting
// connections, lets the requests it holds finish (keep-alive connections are closed as their
// response ends, idle ones at once), ends what would never end by itself (live streams, the
// mail sender's next batch: the "stop" hooks of lib/server/shutdown.js), then closes the
// database and Redis connections ("close" hooks). A request that was never let in wrote nothing;
// one that was let in ends as it would have. Bounded: past the timeout the remaining
// connections are cut and the process exits non-zero.
const { runShutdownStage } = require("./shutdown.js");

/**
 * @param {{
 *   server: import("node:http").Server,
 *   inFlight: Set<import("node:http").ServerResponse>,
 *   timeoutMs: number,
 *   log: { info: (o: object, m: string) => void, warn: (o: object, m: string) => void, error: (o: object, m: string) => void },
 *   signal?: string,
 * }} input
 * @returns {Promise<number>} the exit code: 0 when everything finished in time, 1 when cut short
 */
async function gracefulStop({ server, inFlight, timeoutMs, log, signal }) {
  const started = Date.now();
  log.info({ signal, inFlight: inFlight.size, timeoutMs }, "shutting down: no new connections, finishing requests");
  const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
  // Responses still to start tell their client the connection ends with them.
  for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  server.closeIdleConnections();
  // A keep-alive connection that goes idle between two sweeps is closed by the next one.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  /** @param {string} name @param {unknown} err */
  const onError = (name, err) => log.error({ hook: name, err }, "shutdown hook failed");
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const finished = Promise.all([closed, runShutdownStage("stop", onError)]).then(() => "done");
  const outcome = await Promise.race([finished, timedOut]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (outcome === "timeout") {
    log.warn({ inFlight: inFlight.size, timeoutMs }, "shutdown timeout: cutting the remaining connections");
    server.closeAllConnections();
  }
  // Closing connections is quick; a hung one must not hold the exit for ever.
  const closeBound = new Promise((resolve) => setTimeout(resolve, 2_000).unref());
  await Promise.race([runShutdownStage("close", onError), closeBound]);
  log.info({ ms: Date.now() - started, clean: outcome === "done" }, "stopped");
  return outcome === "done" ? 0 : 1;
}

module.exports = { gracefulStop };
