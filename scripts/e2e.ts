// Runs the Playwright suite against a production build with a database of its own: creates and
// seeds the database, serves a fresh copy of the build (so no page cached from another run or
// another engine survives), runs the specs, then drops the database.
//
//   tsx scripts/e2e.ts [playwright args]            build, then run
//   tsx scripts/e2e.ts --build-only                 build only (npm test builds once for both engines)
//   tsx scripts/e2e.ts --prebuilt [playwright args] run on the last build
import { execFileSync, spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createDb } from "../lib/db";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { seedDemo } from "../prisma/seed";
import { startMailSink, type MailSink } from "./mail-sink";
import { createTestDatabase } from "./test-database";

const root = path.resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync("which", ["apt-get"]).status === 0) {
    console.log("Chromium is missing: installing Debian's chromium package with apt-get…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (existsSync(CHROMIUM)) return;
  }
  console.error(`Chromium not found at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and run the tests again.`);
  process.exit(1);
}

/** Whether something already listens on the port (Playwright would refuse to start its server). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(true));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(port);
  });
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** A clean production build. It needs no database: nothing is prerendered from one. */
function build(buildDir: string) {
  rmSync(path.join(root, buildDir), { recursive: true, force: true });
  const env = { ...process.env, DEPT_DIST_DIR: buildDir, NEXT_TELEMETRY_DISABLED: "1" };
  const result = spawnSync(bin("next"), ["build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

/**
 * The folder the server runs from: a copy of the build, made afresh for every run, because the
 * server writes the pages it caches into it. Next's build cache is left behind (not read when
 * serving).
 */
function freshCopy(buildDir: string, runDir: string) {
  const from = path.join(root, buildDir);
  if (!existsSync(path.join(from, "BUILD_ID"))) throw new Error(`No build in ${buildDir}: run without --prebuilt first.`);
  rmSync(path.join(root, runDir), { recursive: true, force: true });
  cpSync(from, path.join(root, runDir), { recursive: true, filter: (source) => source !== path.join(from, "cache") });
}

async function main() {
  const args = process.argv.slice(2);
  const buildOnly = args.includes("--build-only");
  const prebuilt = args.includes("--prebuilt");
  const playwrightArgs = args.filter((a) => a !== "--build-only" && a !== "--prebuilt");
  // Each port gets its own build and run folders, so two suites can run side by side.
  const port = process.env.E2E_PORT ?? "3100";
  // E2E_BUILD_DIR: npm test builds once and serves both engines' runs from that one build.
  const buildDir = process.env.E2E_BUILD_DIR ?? (port === "3100" ? ".next-e2e-build" : `.next-e2e-build-${port}`);
  const runDir = port === "3100" ? ".next-e2e" : `.next-e2e-${port}`;
  if (buildOnly) return build(buildDir);
  ensureChromium();
  // Checked before the build, so a server left over from an interrupted run costs seconds, not
  // a build, and the reason is said plainly.
  if (await portInUse(Number(port))) {
    console.error(`Port ${port} is already in use (often a server left by an interrupted test run: "pkill -f next-server" stops it). Free it, or choose another port with E2E_PORT.`);
    process.exit(1);
  }
  const base = process.env.DATABASE_URL ?? "file:./data/dept.db";
  const database = await createTestDatabase(base, "e2e");
  let status = 1;
  let mailSink: MailSink | undefined;
  let mailDir: string | undefined;
  try {
    await migrateDatabase(database.url);
    const db = createDb(database.url);
    await seedDemo(db);
    await db.$disconnect();
    // A real SMTP receiver for the newsletter specs, started before the app server so the server
    // can be told where it is. The system picks its port, so it clashes with no service and no
    // other e2e run; the server gets it as SMTP_HOST/SMTP_PORT (never a real mail server here),
    // and the specs read each received message as a JSON file in E2E_MAIL_DIR (e2e/mail.ts).
    mailDir = mkdtempSync(path.join(os.tmpdir(), "dept-e2e-mail-"));
    mailSink = await startMailSink({ dir: mailDir });
    const smtp = { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mailSink.port), SMTP_USER: "", SMTP_PASSWORD: "", E2E_MAIL_DIR: mailDir };
    // E2E_BUILD_DIR: specs that start instances of their own copy the build (e2e/instances.ts).
    const env = { ...process.env, DATABASE_URL: database.url, DEPT_DIST_DIR: runDir, E2E_BUILD_DIR: buildDir, PORT: port, NEXT_TELEMETRY_DISABLED: "1", ...smtp };
    if (!prebuilt) build(buildDir);
    freshCopy(buildDir, runDir);
    // Not spawnSync: the mail sink runs in this process and must keep answering meanwhile.
    status = await run(bin("playwright"), ["test", ...playwrightArgs], { cwd: root, env, stdio: "inherit" });
  } finally {
    await mailSink?.close();
    if (mailDir) rmSync(mailDir, { recursive: true, force: true });
    await database.drop();
  }
  process.exit(status);
}

function run(command: string, args: string[], options: SpawnOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    spawn(command, args, options).once("error", reject).once("close", (code) => resolve(code ?? 1));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
