// @ts-check
// Hooks that let the HTTP server (scripts/serve.mjs) stop this process cleanly on SIGTERM. The
// modules that own a resource (the live hub, the notification sender, the database client)
// register here; the server runs them once it has stopped accepting connections. The registry
// lives on globalThis because serve.mjs loads this file unbundled while the app's code gets its
// own bundled copy: both must see the same hooks.
//
// Two stages:
// - "stop": stop starting work and end what never ends by itself (server-sent event streams,
//   the sender's next batch). Runs at once, while in-flight requests finish.
// - "close": close connections (database, Redis). Runs after the last request has finished.

/** @typedef {"stop" | "close"} ShutdownStage */
/** @typedef {{ name: string, stage: ShutdownStage, run: () => unknown }} ShutdownHook */
/** @typedef {{ hooks: Map<string, ShutdownHook>, started: boolean }} ShutdownRegistry */

/** @returns {ShutdownRegistry} */
function registry() {
  const holder = /** @type {{ deptShutdown?: ShutdownRegistry }} */ (globalThis);
  return (holder.deptShutdown ??= { hooks: new Map(), started: false });
}

/**
 * Registers (or replaces, by name: a module reloaded in development registers again) a hook.
 * @param {string} name
 * @param {() => unknown} run
 * @param {ShutdownStage} [stage]
 */
function onShutdown(name, run, stage = "close") {
  registry().hooks.set(name, { name, stage, run });
}

/** Whether the process is shutting down (new work should not start). */
function isShuttingDown() {
  return registry().started;
}

/**
 * Runs one stage's hooks side by side; a failing hook does not stop the others.
 * @param {ShutdownStage} stage
 * @param {(name: string, error: unknown) => void} [onError]
 * @returns {Promise<string[]>} the names of the hooks that ran
 */
async function runShutdownStage(stage, onError = () => {}) {
  const r = registry();
  r.started = true;
  const hooks = [...r.hooks.values()].filter((h) => h.stage === stage);
  await Promise.all(
    hooks.map(async (h) => {
      try {
        await h.run();
      } catch (error) {
        onError(h.name, error);
      }
    }),
  );
  return hooks.map((h) => h.name);
}

module.exports = { onShutdown, isShuttingDown, runShutdownStage };
