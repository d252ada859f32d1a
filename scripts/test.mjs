// `npm test`: the lockfile's security minimums, lint, type check, Vitest (against a real database
// of its own) and the Playwright e2e suite against a production build, on the engine DATABASE_URL
// names (SQLite by default).
// Ends with one line "N passed, N failed" summing both runners.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { mustRun, root, run } from "./run.mjs";

const only = process.argv[2]; // "--e2e" or "--unit" to run one part
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const baseUrl = process.env.DATABASE_URL || "file:./data/dept.db";
console.log(`Testing on ${baseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL"}`);

let failedSteps = 0;
const failedStepLabels = [];
// First, in every mode: a lockfile with next, react or next-auth below the versions carrying the
// known security fixes fails the run (the other steps still run, to report everything at once).
if ((await run("tsx", ["scripts/check-versions.ts"], { label: "Security minimums (package-lock.json)" })) !== 0) {
  failedSteps++;
  failedStepLabels.push("security minimums");
}

await mustRun("tsx", ["scripts/prisma-generate.ts"], { label: "Generating database clients" });

if (!only) {
  for (const [label, cmd, args] of [
    ["Lint (ESLint)", "eslint", ["--max-warnings", "0", "."]],
    ["Type check (tsc)", "tsc", ["--noEmit", "-p", "."]],
  ]) {
    if ((await run(cmd, args, { label })) !== 0) {
      failedSteps++;
      failedStepLabels.push(label);
    }
  }
}

const vitestJson = path.join(resultsDir, "vitest.json");
// playwright.config.ts names its report after the e2e port when it is not the default.
const e2ePort = process.env.E2E_PORT ?? "3100";
const e2eJson = path.join(resultsDir, e2ePort === "3100" ? "e2e.json" : `e2e-${e2ePort}.json`);
// A runner that dies before reporting (a build error, the e2e port taken) must not be summed from
// an earlier run's report, nor as "0 failed": it counts as one failure of its own.
const exitCodes = { unit: 0, e2e: 0 };
if (only !== "--e2e") {
  rmSync(vitestJson, { force: true });
  exitCodes.unit = await run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`], { label: "Unit and integration tests (Vitest)" });
  if (exitCodes.unit !== 0) failedSteps++;
}
if (only !== "--unit") {
  rmSync(e2eJson, { force: true });
  exitCodes.e2e = await run("tsx", ["scripts/e2e.ts"], { label: "End-to-end tests (Playwright, production build)" });
  if (exitCodes.e2e !== 0) failedSteps++;
}

/** The runner's counts from its JSON report, or null when there is none to read. */
function counts(file, read) {
  if (!existsSync(file)) return null;
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null;
  }
}

function describe(name, ran, exitCode, result) {
  if (!ran) return { passed: 0, failed: 0, text: `${name}: not run` };
  if (result) return { ...result, text: `${name}: ${result.passed} passed, ${result.failed} failed` };
  // It ran and left no report: whatever happened, it is a failure, and the summary says so.
  return { passed: 0, failed: 1, text: `${name}: no report (exit code ${exitCode}; see its output above), counted as 1 failed` };
}

const unit = describe("Vitest", only !== "--e2e", exitCodes.unit, counts(vitestJson, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests })));
const e2e = describe("Playwright", only !== "--unit", exitCodes.e2e, counts(e2eJson, (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky })));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(`\n${unit.text} · ${e2e.text}`);
if (failedStepLabels.length > 0) console.log(`Failed checks: ${failedStepLabels.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
if (failedSteps > 0 || failed > 0 || passed === 0) process.exit(1);
