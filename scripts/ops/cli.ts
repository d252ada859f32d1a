// The command-line end of the operations scripts: expected failures print their message alone
// and exit with their code (backup-file.ts EXIT); anything else prints its stack and exits 4.
import { MigrationLockBusyError } from "../../prisma/migrate/lock";
import { EXIT, OpsError } from "./backup-file";

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof OpsError) {
        console.error(error.message);
        process.exit(error.exitCode);
      }
      if (error instanceof MigrationLockBusyError) {
        console.error(`${error.message} Try again once it has finished.`);
        process.exit(EXIT.busy);
      }
      console.error(error);
      process.exit(EXIT.failed);
    },
  );
}

/** The one file argument of `npm run backup -- <file>` / `npm run restore -- <file>`. */
export function fileArgument(usage: string): string {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith("-")) throw new OpsError(`Usage: ${usage}`);
  return args[0];
}
