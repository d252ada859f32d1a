// The repository's nginx site (deploy/nginx.conf) run by a test or the benchmark: the file's
// "# deploy:" lines are replaced with local ports and folders, everything else is served as
// written, under a private nginx (its own prefix, pid, logs and cache; never the system's).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";
// From the project root, where the specs and the benchmark run (no import.meta: Playwright loads this as CommonJS).
const SITE = path.join(process.cwd(), "deploy", "nginx.conf");

export type NginxOptions = {
  /** Ports of the app instances, on 127.0.0.1. */
  upstreams: number[];
  /** Port nginx listens on (127.0.0.1). */
  port: number;
  /** The build's static/ folder, served as /_next/static/. */
  staticDir: string;
  /** Folder for nginx's pid, logs, temporary files and cache. */
  prefix: string;
  /** false: no micro-cache (the benchmark's "two instances" without it). */
  microCache?: boolean;
  /**
   * "append": nginx adds the peer to the client's X-Forwarded-For instead of replacing it, as
   * behind another proxy (then TRUST_PROXY=2). The benchmark's load generator stands in for that
   * proxy, so each of its writes can come from an address of its own.
   */
  forwardedFor?: "overwrite" | "append";
};

export const hasBrotli = () => existsSync(BROTLI_MODULE);

/** deploy/nginx.conf with its "# deploy:" lines made local. Throws if the file no longer has them. */
export function renderSite({ upstreams, port, staticDir, prefix, microCache = true, forwardedFor = "overwrite" }: NginxOptions): string {
  const replacements: [RegExp, (line: string) => string][] = [
    [/first instance/, () => `    server 127.0.0.1:${upstreams[0]};`],
    [/second instance/, () => upstreams.slice(1).map((p) => `    server 127.0.0.1:${p};`).join("\n")],
    [/cache folder/, (line) => line.replace(/proxy_cache_path \S+/, `proxy_cache_path ${path.join(prefix, "cache")}`)],
    [/^listen/, () => `    listen 127.0.0.1:${port};`],
    [/host name/, (line) => line],
    [/access log/, (line) => line.replace(/access_log \S+/, `access_log ${path.join(prefix, "access.log")}`)],
    [/static\//, (line) => line.replace(/alias \S+;/, `alias ${staticDir.replace(/\/?$/, "/")};`)],
  ];
  const used = new Set<number>();
  const lines = readFileSync(SITE, "utf8").split("\n").flatMap((line) => {
    if (!hasBrotli() && /^\s*brotli\w*\s/.test(line)) return [];
    if (!microCache && /^\s*proxy_cache dept_pages;/.test(line)) return ["        proxy_cache off;"];
    if (forwardedFor === "append" && /^\s*proxy_set_header X-Forwarded-For \$remote_addr;/.test(line)) return [line.replace("$remote_addr", "$proxy_add_x_forwarded_for")];
    const what = /# deploy: (.*)$/.exec(line)?.[1];
    if (!what) return [line];
    const index = replacements.findIndex(([pattern]) => pattern.test(what));
    if (index < 0) throw new Error(`deploy/nginx.conf: no local value for the line "${line.trim()}"`);
    used.add(index);
    return [replacements[index][1](line)];
  });
  if (used.size !== replacements.length) throw new Error("deploy/nginx.conf: a \"# deploy:\" line the tests replace is missing");
  const site = lines.join("\n");
  if (forwardedFor === "append" && !site.includes("X-Forwarded-For $proxy_add_x_forwarded_for;")) throw new Error("deploy/nginx.conf: no X-Forwarded-For line to make appending");
  return site;
}

/** A whole nginx configuration around the site, everything inside the prefix. */
export function renderMain(options: NginxOptions, workers: number | "auto" = 1): string {
  const p = (name: string) => path.join(options.prefix, name);
  return [
    "daemon off;",
    // As root, nginx would hand its workers to "nobody", who cannot read a private temp folder.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    `worker_processes ${workers};`,
    `pid ${p("nginx.pid")};`,
    `error_log ${p("error.log")} warn;`,
    ...(hasBrotli() ? [`load_module ${BROTLI_MODULE};`] : []),
    "events { worker_connections 4096; }",
    "http {",
    "    include /etc/nginx/mime.types;",
    "    default_type application/octet-stream;",
    "    sendfile on;",
    "    tcp_nopush on;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `    ${kind}_temp_path ${p(`${kind}_temp`)};`),
    `    include ${p("dept.conf")};`,
    "}",
    "",
  ].join("\n");
}

export type RunningNginx = { url: string; prefix: string; accessLog: () => string; errorLog: () => string; stop: () => Promise<void> };

/** Starts nginx in the foreground as a child process and resolves once it accepts connections. */
export async function startNginx(options: Omit<NginxOptions, "prefix"> & { workers?: number | "auto" }): Promise<RunningNginx> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "dept-nginx-"));
  const full = { ...options, prefix };
  mkdirSync(path.join(prefix, "cache"));
  writeFileSync(path.join(prefix, "dept.conf"), renderSite(full));
  writeFileSync(path.join(prefix, "nginx.conf"), renderMain(full, options.workers));
  const read = (name: string) => (existsSync(path.join(prefix, name)) ? readFileSync(path.join(prefix, name), "utf8") : "");
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    // Not a graceful stop (SIGQUIT): that would wait for an open event stream to end by itself.
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}${read("error.log")}`);
    if (await accepts(options.port)) return { url: `http://127.0.0.1:${options.port}`, prefix, accessLog: () => read("access.log"), errorLog: () => read("error.log"), stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`nginx did not listen on ${options.port}: ${stderr}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
