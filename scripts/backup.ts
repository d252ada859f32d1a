// npm run backup -- <file>: a consistent backup of the database DATABASE_URL names, taken while
// the site runs, with its manifest (<file>.manifest.json) beside it. README "Backup and restore".
import { env } from "../lib/env";
import { EXIT } from "./ops/backup-file";
import { fileArgument, runCli } from "./ops/cli";
import { backupDatabase } from "./ops/database-backup";

runCli(async () => {
  const file = fileArgument("npm run backup -- <file>");
  const started = Date.now();
  const manifest = await backupDatabase(env().DATABASE_URL, file);
  const rows = manifest.fingerprint.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`backup: ${file} (${manifest.engine}, ${manifest.fingerprint.tables.length} tables, ${rows} rows, ${manifest.migrations.length} migrations) in ${Date.now() - started} ms`);
  console.log(`backup: checksum ${manifest.fingerprint.checksum}; manifest ${file}.manifest.json (keep it with the file)`);
  return EXIT.ok;
});
