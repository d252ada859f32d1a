// App instances of their own, for the specs about running several (a load balancer's view), about
// processes (signals, kill -9) and about operations (health, logs): each is `node scripts/serve.mjs`
// of the run's build, from a copy of its own (a server writes the pages it caches into its
// folder), on a free port, with the environment it is given on top of the run's.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect } from "@playwright/test";
import { heapFlag } from "../lib/server/server-settings.js";

/** A free local port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type Instance = {
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string;
  /** Sends the signal (SIGTERM unless told) and resolves with the exit code once it has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** Resolves with the exit code when the process ends by itself (or was stopped). */
  exited: Promise<number | null>;
};

type Options = {
  /** Environment on top of the run's (DATABASE_URL, SMTP_*, …). */
  env?: Record<string, string | undefined>;
  /** A port to listen on (a restarted instance keeps its address); a free one otherwise. */
  port?: number;
  /** The build folder to copy; a restart passes the folder the previous run used, to keep its cache. */
  folder?: string;
};

const root = process.cwd();
let copies = 0;

/** Where the run's build is: scripts/e2e.ts passes it (E2E_BUILD_DIR), else the served copy. */
function buildFolder(): string {
  return process.env.E2E_BUILD_DIR ?? process.env.DEPT_DIST_DIR ?? ".next-e2e";
}

/** Starts an instance and resolves once it answers (GET /robots.txt 200). */
export async function startInstance({ env = {}, port, folder }: Options = {}): Promise<Instance & { folder: string }> {
  const listenOn = port ?? (await freePort());
  const url = `http://localhost:${listenOn}`;
  let runDir = folder;
  if (!runDir) {
    runDir = `.next-instance-${process.pid}-${++copies}`;
    const from = path.join(root, buildFolder());
    if (!existsSync(path.join(from, "BUILD_ID"))) throw new Error(`No build in ${from}`);
    rmSync(path.join(root, runDir), { recursive: true, force: true });
    cpSync(from, path.join(root, runDir), { recursive: true, filter: (source) => source !== path.join(from, "cache") });
  }
  const child = spawn(process.execPath, [heapFlag(process.env), "scripts/serve.mjs"], {
    cwd: root,
    env: { ...process.env, SITE_URL: url, TRUST_PROXY: "1", ...env, NODE_ENV: "production", PORT: String(listenOn), DEPT_DIST_DIR: runDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const dead = exited.then((code) => {
    throw new Error(`The instance on ${url} exited (${code}) before answering:\n${output}`);
  });
  dead.catch(() => {});
  await Promise.race([expect.poll(async () => (await fetch(`${url}/robots.txt`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200), dead]);
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { port: listenOn, url, child, output: () => output, stop, exited, folder: runDir };
}

/** Removes an instance's copy of the build (after it has stopped). */
export function removeInstanceFolder(folder: string): void {
  if (folder.startsWith(".next-instance-")) rmSync(path.join(root, folder), { recursive: true, force: true });
}
