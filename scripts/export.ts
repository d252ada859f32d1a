// npm run export -- <file.jsonl> [--with-secrets]: everything the site holds as one Dept export
// file (lib/transfer/format.ts; README "Moving in and out"). Never overwrites a file.
import { createWriteStream, existsSync } from "node:fs";
import { finished } from "node:stream/promises";
import { getDb } from "../lib/db";
import { exportSite } from "../lib/transfer/export";
import { EXIT, OpsError } from "./ops/backup-file";
import { runCli } from "./ops/cli";
import { progress } from "./ops/progress";

const USAGE = "npm run export -- <file.jsonl> [--with-secrets]";

runCli(async () => {
  const args = process.argv.slice(2);
  const withSecrets = args.includes("--with-secrets");
  const files = args.filter((a) => !a.startsWith("-"));
  if (files.length !== 1 || args.some((a) => a.startsWith("-") && a !== "--with-secrets")) throw new OpsError(`Usage: ${USAGE}`);
  const [file] = files;
  if (existsSync(file)) throw new OpsError(`${file} already exists: choose a new name (an export never overwrites a file).`);
  const started = Date.now();
  const out = createWriteStream(file, { flags: "wx" });
  const shown = progress("export");
  let records = 0;
  const counts = await exportSite(getDb(), out, { withSecrets, onRecord: () => shown.update(++records) });
  out.end();
  await finished(out);
  shown.finish(records);
  const summary = Object.entries(counts).filter(([, n]) => n > 0).map(([type, n]) => `${n} ${type}`).join(", ");
  console.log(`export: ${file}: ${records} records (${summary}) in ${Date.now() - started} ms${withSecrets ? "; WITH SECRETS (password hashes, link tokens): keep it safe" : ""}`);
  return EXIT.ok;
});
