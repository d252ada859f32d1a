// `npm test`: the whole suite, on both engines, from one set of checks and one build:
//   1. the lockfile's security minimums, database clients, lint, type check and the production
//      build, each once (they do not depend on the engine);
//   2. Vitest on SQLite, then on PostgreSQL (each with a database per worker);
//   3. Playwright against the build: every spec on SQLite, then on PostgreSQL the specs whose
//      outcome depends on the engine (playwright.config.ts, ENGINE_SPECS).
// Ends with a line per engine and one "N passed, N failed" line summing everything.
//
//   npm test                          both engines (PostgreSQL at TEST_POSTGRES_URL)
//   npm test -- --unit | --e2e        one runner
//   TEST_ENGINES=sqlite npm test      one engine
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { mustRun, root, run } from "./run.mjs";

const only = process.argv[2]; // "--e2e" or "--unit" to run one part
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });

const postgresUrl = process.env.TEST_POSTGRES_URL ?? (/^postgres/.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/test");
const ENGINES = {
  sqlite: { name: "SQLite", url: "file:./data/dept.db", e2ePort: "3100", e2eScope: "all" },
  postgres: { name: "PostgreSQL", url: postgresUrl, e2ePort: "3101", e2eScope: "engine" },
};
const engines = (process.env.TEST_ENGINES ?? "sqlite,postgres").split(",").map((e) => e.trim()).filter(Boolean);
for (const e of engines) if (!ENGINES[e]) throw new Error(`TEST_ENGINES: unknown engine "${e}" (sqlite, postgres)`);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

const failedChecks = [];
async function check(label, command, args) {
  if ((await run(command, args, { label })) !== 0) failedChecks.push(label);
}

/** Runs a command with its output kept aside, then prints it whole: for steps run side by side. */
function runQuietly(label, command, args, env = process.env) {
  const bin = path.join(root, "node_modules", ".bin", command);
  return new Promise((resolve) => {
    const child = spawn(existsSync(bin) ? bin : command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("close", (code, signal) => {
      console.log(`\n▶ ${label} (done at ${elapsed()})`);
      process.stdout.write(Buffer.concat(chunks));
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

// 1. Once for both engines. A lockfile with next, react or next-auth below the versions carrying
// the known security fixes fails the run (the other steps still run, to report everything at once).
await check("Security minimums (package-lock.json)", "tsx", ["scripts/check-versions.ts"]);
await mustRun("tsx", ["scripts/prisma-generate.ts"], { label: "Generating database clients" });
if (!only) {
  await check("Lint (ESLint)", "eslint", ["--max-warnings", "0", "."]);
  await check("Type check (tsc)", "tsc", ["--noEmit", "-p", "."]);
}

const e2eBuild = only === "--unit" ? Promise.resolve(0) : runQuietly("Production build for the e2e suite (once, for both engines)", "tsx", ["scripts/e2e.ts", "--build-only"]);

// 2. Vitest, one engine after the other (each already runs files side by side; two at once
// would stretch its timed and concurrent tests on two cores), while the build runs.
const vitestJson = (engine) => path.join(resultsDir, `vitest-${engine}.json`);
const unitCodes = {};
if (only !== "--e2e") {
  for (const engine of engines) {
    rmSync(vitestJson(engine), { force: true });
    const env = { ...process.env, DATABASE_URL: ENGINES[engine].url };
    unitCodes[engine] = await run("vitest", ["run", "--reporter=dot", "--reporter=json", `--outputFile=${vitestJson(engine)}`], { env, label: `Vitest on ${ENGINES[engine].name} (from ${elapsed()})` });
  }
}

// 3. Playwright, one engine after the other (each is a server and browsers: together they would
// only compete for the same cores).
const buildCode = await e2eBuild;
if (buildCode !== 0) failedChecks.push("production build");
const e2eJson = (engine) => path.join(resultsDir, ENGINES[engine].e2ePort === "3100" ? "e2e.json" : `e2e-${ENGINES[engine].e2ePort}.json`);
const e2eCodes = {};
if (only !== "--unit") {
  for (const engine of engines) {
    rmSync(e2eJson(engine), { force: true });
    if (buildCode !== 0) continue;
    const { name, url, e2ePort, e2eScope } = ENGINES[engine];
    const env = { ...process.env, DATABASE_URL: url, E2E_PORT: e2ePort, E2E_BUILD_DIR: ".next-e2e-build", E2E_SCOPE: e2eScope };
    const scope = e2eScope === "all" ? "every spec" : "the engine-dependent specs";
    e2eCodes[engine] = await run("tsx", ["scripts/e2e.ts", "--prebuilt"], { env, label: `End-to-end tests on ${name}: ${scope} (Playwright, production build; from ${elapsed()})` });
  }
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

console.log(`\nAll done in ${elapsed()}.`);
let passed = 0;
let failed = 0;
const lines = [];
for (const engine of engines) {
  const unit = describe("Vitest", only !== "--e2e", unitCodes[engine], counts(vitestJson(engine), (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests })));
  const e2e = describe("Playwright", only !== "--unit", e2eCodes[engine] ?? buildCode, counts(e2eJson(engine), (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky })));
  const p = unit.passed + e2e.passed;
  const f = unit.failed + e2e.failed;
  passed += p;
  failed += f;
  lines.push(`${(ENGINES[engine].name + ":").padEnd(12)}${p} passed, ${f} failed (${unit.text} · ${e2e.text})`);
}
console.log(lines.join("\n"));
if (failedChecks.length > 0) console.log(`Failed checks: ${failedChecks.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
const anyExit = [...Object.values(unitCodes), ...Object.values(e2eCodes)].some((c) => c !== 0);
if (failedChecks.length > 0 || failed > 0 || passed === 0 || anyExit) process.exit(1);
