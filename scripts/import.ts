// npm run import -- <dept|wordpress|disqus> <file> [--dry-run] [--report <file>]: a Dept export
// file (npm run export), a WordPress export (WXR) or a Disqus export into this site's database.
// README "Moving in and out".
// Exit codes: 0 all imported; 1 some records could not be (listed in the report); 2 bad usage or
// a file that is not an export; 4 anything else.
import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getDb } from "../lib/db";
import { ImportFileError, importDeptFile } from "../lib/transfer/import-dept";
import { importWordpressFile } from "../lib/transfer/import-wordpress";
import { WxrError } from "../lib/transfer/wxr-reader";
import { DisqusError } from "../lib/transfer/disqus-reader";
import { importDisqusFile } from "../lib/transfer/import-disqus";
import { finishImportRun, startImportRun, type ImportOutcome } from "../lib/transfer/import-runs";
import { EXIT, OpsError } from "./ops/backup-file";
import { runCli } from "./ops/cli";
import { progress } from "./ops/progress";

const USAGE = "npm run import -- <dept|wordpress|disqus> <file> [--dry-run] [--report <file>]";
const KINDS = ["dept", "wordpress", "disqus"] as const;

function parseArgs(args: string[]) {
  const dryRun = args.includes("--dry-run");
  const at = args.indexOf("--report");
  const report = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (!report || report.startsWith("-"))) throw new OpsError(`Usage: ${USAGE}`);
  const rest = args.filter((a, n) => a !== "--dry-run" && (at < 0 || (n !== at && n !== at + 1)));
  if (rest.length !== 2 || rest.some((a) => a.startsWith("-"))) throw new OpsError(`Usage: ${USAGE}`);
  const [kind, file] = rest;
  if (!(KINDS as readonly string[]).includes(kind)) throw new OpsError(`Unknown kind of file "${kind}". Usage: ${USAGE}`);
  return { kind: kind as (typeof KINDS)[number], file, dryRun, report: report ?? `${file}.report.json` };
}


const total = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
const listed = (counts: Record<string, number> | undefined) => Object.entries(counts ?? {}).filter(([, n]) => n > 0).map(([type, n]) => `${n} ${type}`).join(", ");

runCli(async () => {
  const { kind, file, dryRun, report } = parseArgs(process.argv.slice(2));
  if (!existsSync(file)) throw new OpsError(`${file} does not exist.`);
  const started = Date.now();
  const shown = progress(dryRun ? "import (dry run)" : "import", statSync(file).size);
  let summary: ImportOutcome;
  // Recorded as it starts, so /admin/import shows a run that was stopped as one that did not finish.
  const run = await startImportRun(getDb(), { kind, file: path.basename(file), dryRun });
  let items = 0;
  try {
    const onProgress = (n: number, bytes: number) => shown.update((items = n), bytes);
    const importer = { dept: importDeptFile, wordpress: importWordpressFile, disqus: importDisqusFile }[kind];
    summary = await importer(getDb(), file, { dryRun, onProgress });
  } catch (error) {
    if (error instanceof ImportFileError || error instanceof WxrError || error instanceof DisqusError) throw new OpsError(error.message);
    throw error;
  }
  shown.finish(items);
  writeFileSync(report, `${JSON.stringify({ kind, file, dryRun, finishedAt: new Date().toISOString(), ...summary }, null, 2)}\n`);
  await finishImportRun(getDb(), run, summary, path.resolve(report));
  const created = listed(summary.created);
  const skipped = listed(summary.skipped);
  console.log(`import: ${file}: ${dryRun ? "would create" : "created"} ${total(summary.created)} records${created ? ` (${created})` : ""}; ${total(summary.existing)} already there; ${summary.problems.length} not imported; ${Date.now() - started} ms`);
  if (summary.matched !== undefined) console.log(`import: ${summary.matched} Disqus threads matched to articles here`);
  if (skipped) console.log(`import: skipped: ${skipped}`);
  if (summary.notes?.length) console.log(`import: ${summary.notes.length} imported with changes (listed in the report as notes)`);
  console.log(`import: report ${report}`);
  for (const problem of summary.problems.slice(0, 10)) console.log(`  line ${problem.line}${problem.type ? ` (${problem.type}${problem.key ? ` ${problem.key}` : ""})` : ""}: ${problem.reason}`);
  if (summary.problems.length > 10) console.log(`  … and ${summary.problems.length - 10} more in the report`);
  return summary.problems.length > 0 ? EXIT.mismatch : EXIT.ok;
});
