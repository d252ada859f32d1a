// `npm test`: the lockfile's security minimums, lint, type check, Vitest (against a real database
// of its own) and the Playwright e2e suite against a production build, on the engine DATABASE_URL
// names (SQLite by default).
// Ends with one line "N passed, N failed" summing both runners.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { mustRun, root, run } from "./run.mjs";

const only = process.argv[2]; // "--e2e" or "--unit" to run one part
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const baseUrl = process.env.DATABASE_URL || "file:./data/dept.db";
console.log(`Testing on ${baseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL"}`);

let failedSteps = 0;
// First, in every mode: a lockfile with next, react or next-auth below the versions carrying the
// known security fixes fails the run (the other steps still run, to report everything at once).
if ((await run("tsx", ["scripts/check-versions.ts"], { label: "Security minimums (package-lock.json)" })) !== 0) failedSteps++;

await mustRun("tsx", ["scripts/prisma-generate.ts"], { label: "Generating database clients" });

if (!only) {
  for (const [label, cmd, args] of [
    ["Lint (ESLint)", "eslint", ["--max-warnings", "0", "."]],
    ["Type check (tsc)", "tsc", ["--noEmit", "-p", "."]],
  ]) {
    if ((await run(cmd, args, { label })) !== 0) failedSteps++;
  }
}

const vitestJson = path.join(resultsDir, "vitest.json");
const e2eJson = path.join(resultsDir, "e2e.json");
if (only !== "--e2e") {
  const code = await run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`], { label: "Unit and integration tests (Vitest)" });
  if (code !== 0) failedSteps++;
}
if (only !== "--unit") {
  const code = await run("tsx", ["scripts/e2e.ts"], { label: "End-to-end tests (Playwright, production build)" });
  if (code !== 0) failedSteps++;
}

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const unit = only === "--e2e" ? { passed: 0, failed: 0 } : counts(vitestJson, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const e2e = only === "--unit" ? { passed: 0, failed: 0 } : counts(e2eJson, (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky }));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(`\nVitest: ${unit.passed} passed, ${unit.failed} failed · Playwright: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
if (failedSteps > 0 || failed > 0 || passed === 0) process.exit(1);
