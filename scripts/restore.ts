// npm run restore -- <file>: restores a backup into the EMPTY database DATABASE_URL names, then
// compares every table's rows and content with the backup's; a difference exits 1. README
// "Backup and restore".
import { env } from "../lib/env";
import { EXIT } from "./ops/backup-file";
import { fileArgument, runCli } from "./ops/cli";
import { restoreDatabase } from "./ops/database-backup";
import { comparisonReport } from "./ops/fingerprint";

runCli(async () => {
  const file = fileArgument("npm run restore -- <file>");
  const result = await restoreDatabase(env().DATABASE_URL, file);
  console.log(comparisonReport(result.expected, result.actual));
  if (result.problems.length > 0) {
    console.error(`restore: the restored database differs from the backup:\n  ${result.problems.join("\n  ")}`);
    return EXIT.mismatch;
  }
  console.log("restore: done; row counts and checksums equal the backup's");
  return EXIT.ok;
});
