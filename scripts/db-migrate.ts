// npm run db:migrate [-- --wait=<seconds>]: applies the committed migrations, the same ones
// `npm start` applies, as a deploy step before new instances start (README "Deploying").
// One migrator at a time: if another holds the lock, this one waits up to --wait seconds
// (default 60; 0 refuses at once), then exits 3 having applied nothing.
import { databaseKind, env } from "../lib/env";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { EXIT, OpsError } from "./ops/backup-file";
import { runCli } from "./ops/cli";

const DEFAULT_WAIT_SECONDS = 60;

function waitSeconds(): number {
  const args = process.argv.slice(2);
  const wait = args.find((a) => a.startsWith("--wait="));
  if (args.some((a) => a !== wait)) throw new OpsError("Usage: npm run db:migrate [-- --wait=<seconds>]");
  if (!wait) return DEFAULT_WAIT_SECONDS;
  const seconds = Number(wait.slice("--wait=".length));
  if (!Number.isFinite(seconds) || seconds < 0) throw new OpsError("--wait takes a number of seconds (0 or more).");
  return seconds;
}

runCli(async () => {
  const seconds = waitSeconds();
  const url = env().DATABASE_URL;
  const started = Date.now();
  const onLockWait = () => console.log(`db:migrate: another migration is running; waiting up to ${seconds} s for it to finish`);
  const { applied } = await migrateDatabase(url, { lockWaitMs: seconds * 1000, onLockWait });
  const what = applied.length ? `applied ${applied.join(", ")}` : "already up to date";
  console.log(`db:migrate: ${databaseKind(url)} ${what} (${Date.now() - started} ms)`);
  return EXIT.ok;
});
