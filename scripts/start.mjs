// `npm start`: generate the database clients, migrate and seed the database, build when the
// sources (or a db:reset) are newer than the last build, then serve on $PORT (default 3000).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { mustRun, newestMtime, root, sourcePaths } from "./run.mjs";

const { heapFlag } = createRequire(import.meta.url)("../lib/server/server-settings.js");

const started = Date.now();
const port = process.env.PORT || "3000";
const distDir = process.env.DEPT_DIST_DIR || ".next";
const buildId = path.join(root, distDir, "BUILD_ID");
const resetMarker = path.join(root, "data", ".reset-at");

await mustRun("tsx", ["scripts/prisma-generate.ts"], { label: "Generating database clients" });
await mustRun("tsx", ["scripts/db-setup.ts"], { label: "Preparing the database" });

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const resetAt = existsSync(resetMarker) ? statSync(resetMarker).mtimeMs : 0;
if (builtAt < newestMtime(sourcePaths) || builtAt < resetAt) {
  await mustRun("next", ["build"], { label: "Building the site" });
} else {
  console.log("\n▶ Build is up to date");
}

console.log(`\n▶ Serving on http://localhost:${port} (ready ${Math.round((Date.now() - started) / 1000)} s after npm start)`);
await mustRun(process.execPath, [heapFlag(process.env), "scripts/serve.mjs"], { env: { ...process.env, PORT: port, NODE_ENV: "production" } });
