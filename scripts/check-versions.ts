// `tsx scripts/check-versions.ts [lockfile]`: fails (exit 1) when package-lock.json installs next, react,
// react-dom or next-auth below the versions with the known security fixes (scripts/versions/
// minimums.ts). `npm test` runs it first; the registry here answers no `npm audit`, so this is
// the check that stands in for it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkLockfile, type Lockfile } from "./versions/check";
import { MINIMUM_VERSIONS } from "./versions/minimums";

const file = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "..", "package-lock.json"));
let lock: Lockfile;
try {
  lock = JSON.parse(readFileSync(file, "utf8")) as Lockfile;
} catch (error) {
  console.error(`✗ Cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}

const problems = checkLockfile(lock, MINIMUM_VERSIONS);
if (problems.length > 0) {
  console.error(`✗ Security minimums not met (${path.relative(process.cwd(), file) || file}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error("Update the packages (npm install <name>@<version>) and commit the new lockfile.");
  process.exit(1);
}
console.log(`✓ Security minimums met: ${Object.entries(MINIMUM_VERSIONS).map(([n, v]) => `${n} ≥ ${v}`).join(", ")}`);
