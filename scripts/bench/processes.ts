// The benchmark's processes: app servers (scripts/serve.mjs of the benchmark's build) and the load
// generator, which runs each scenario in a process of its own (scripts/bench/load.ts).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { LoadResult, Scenario } from "./load";
import { heapFlag } from "../../lib/server/server-settings.js";

const root = path.resolve(import.meta.dirname, "..", "..");

export function startServer(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  // Started as `npm start`, the tests and the deploy unit start it: with the heap cap (NODE_HEAP_MB).
  return spawn(process.execPath, [heapFlag(env), path.join(root, "scripts/serve.mjs")], { cwd: root, env: { TRUST_PROXY: "1", ...env, PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
}

export async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if ((await fetch(`${base}/robots.txt`).catch(() => null))?.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server at ${base} did not start`);
}

export async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

/** Runs one scenario in a second process (asynchronously, so a memory sampler keeps running). */
export function load(scenario: Scenario, env: Record<string, string> = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/bench/load.ts"), JSON.stringify(scenario)], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as LoadResult) : reject(new Error(`${scenario.name}: load process failed (${code})`))));
  });
}

// Requests still in flight when a run ends are finished by the server afterwards: wait for
// them before counting rows.
export const settle = () => new Promise((r) => setTimeout(r, 3000));
