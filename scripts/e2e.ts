// Runs the Playwright suite against a production build with a database of its own: creates and
// seeds the database, builds into .next-e2e (a clean build, so no cached page from another
// database survives), runs the specs, then drops the database.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db";
import { migrateDatabase } from "../lib/db-migrate";
import { seedDemo } from "../prisma/seed";
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

async function main() {
  ensureChromium();
  const base = process.env.DATABASE_URL ?? "file:./data/dept.db";
  const database = await createTestDatabase(base, "e2e");
  let status = 1;
  try {
    await migrateDatabase(database.url);
    const db = createDb(database.url);
    await seedDemo(db);
    await db.$disconnect();
    // Each port gets its own build folder, so two suites can run side by side.
    const port = process.env.E2E_PORT ?? "3100";
    const env = { ...process.env, DATABASE_URL: database.url, DEPT_DIST_DIR: port === "3100" ? ".next-e2e" : `.next-e2e-${port}`, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
    const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
    const build = spawnSync(bin("next"), ["build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
    status = spawnSync(bin("playwright"), ["test", ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" }).status ?? 1;
  } finally {
    await database.drop();
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
