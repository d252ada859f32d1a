// npm run import -- dept <file.jsonl> [--dry-run] [--report <file>]: a Dept export file
// (npm run export) into this site's database. README "Moving in and out".
// Exit codes: 0 all imported; 1 some records could not be (listed in the report); 2 bad usage or
// a file that is not an export; 4 anything else.
import { existsSync, statSync, writeFileSync } from "node:fs";
import { getDb } from "../lib/db";
import { ImportFileError, importDeptFile } from "../lib/transfer/import-dept";
import { EXIT, OpsError } from "./ops/backup-file";
import { runCli } from "./ops/cli";
import { progress } from "./ops/progress";

const USAGE = "npm run import -- dept <file.jsonl> [--dry-run] [--report <file>]";

function parseArgs(args: string[]) {
  const dryRun = args.includes("--dry-run");
  const at = args.indexOf("--report");
  const report = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (!report || report.startsWith("-"))) throw new OpsError(`Usage: ${USAGE}`);
  const rest = args.filter((a, n) => a !== "--dry-run" && (at < 0 || (n !== at && n !== at + 1)));
  if (rest.length !== 2 || rest.some((a) => a.startsWith("-"))) throw new OpsError(`Usage: ${USAGE}`);
  const [kind, file] = rest;
  if (kind !== "dept") throw new OpsError(`Unknown kind of file "${kind}". Usage: ${USAGE}`);
  return { file, dryRun, report: report ?? `${file}.report.json` };
}

runCli(async () => {
  const { file, dryRun, report } = parseArgs(process.argv.slice(2));
  if (!existsSync(file)) throw new OpsError(`${file} does not exist.`);
  const started = Date.now();
  const shown = progress(dryRun ? "import (dry run)" : "import", statSync(file).size);
  let summary;
  try {
    summary = await importDeptFile(getDb(), file, { dryRun, onProgress: (lines, bytes) => shown.update(lines, bytes) });
  } catch (error) {
    if (error instanceof ImportFileError) throw new OpsError(error.message);
    throw error;
  }
  shown.finish(summary.lines);
  const created = Object.values(summary.created).reduce((a, b) => a + b, 0);
  const existing = Object.values(summary.existing).reduce((a, b) => a + b, 0);
  const byType = Object.entries(summary.created).filter(([, n]) => n > 0).map(([type, n]) => `${n} ${type}`).join(", ");
  writeFileSync(report, `${JSON.stringify({ file, dryRun, finishedAt: new Date().toISOString(), ...summary }, null, 2)}\n`);
  console.log(`import: ${file}: ${dryRun ? "would create" : "created"} ${created} records${byType ? ` (${byType})` : ""}; ${existing} already there; ${summary.problems.length} not imported; ${Date.now() - started} ms`);
  console.log(`import: report ${report}`);
  for (const problem of summary.problems.slice(0, 10)) console.log(`  line ${problem.line}${problem.type ? ` (${problem.type}${problem.key ? ` ${problem.key}` : ""})` : ""}: ${problem.reason}`);
  if (summary.problems.length > 10) console.log(`  … and ${summary.problems.length - 10} more in the report`);
  return summary.problems.length > 0 ? EXIT.mismatch : EXIT.ok;
});
