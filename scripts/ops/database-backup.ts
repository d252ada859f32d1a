// Backup and restore of the database DATABASE_URL names, whichever engine it is.
import { existsSync } from "node:fs";
import path from "node:path";
import { databaseKind, sqliteFilePath, type DatabaseKind } from "../../lib/env";
import { OpsError, checkedBackupFile, type Manifest } from "./backup-file";
import { differences, type Fingerprint } from "./fingerprint";
import { backupPostgres, restorePostgres } from "./postgres-backup";
import { backupSqlite, restoreSqlite } from "./sqlite-backup";

function engineOf(url: string): DatabaseKind {
  try {
    return databaseKind(url);
  } catch (error) {
    throw new OpsError((error as Error).message);
  }
}

/** Writes a backup of the database to `file` (and its manifest beside it); never overwrites one. */
export async function backupDatabase(url: string, file: string): Promise<Manifest> {
  const engine = engineOf(url);
  if (existsSync(file)) throw new OpsError(`${file} already exists: choose a new name (a backup never overwrites another).`);
  if (!existsSync(path.dirname(path.resolve(file)))) throw new OpsError(`The folder of ${file} does not exist.`);
  return engine === "sqlite" ? backupSqlite(sqliteFilePath(url), file) : backupPostgres(url, file);
}

export type RestoreResult = { engine: DatabaseKind; expected: Fingerprint; actual: Fingerprint; problems: string[] };

/** Restores `file` into the (empty) database and compares its content with the backup's. */
export async function restoreDatabase(url: string, file: string): Promise<RestoreResult> {
  const engine = engineOf(url);
  checkedBackupFile(file, engine);
  const { expected, actual } = engine === "sqlite" ? await restoreSqlite(sqliteFilePath(url), file) : await restorePostgres(url, file);
  return { engine, expected, actual, problems: differences(expected, actual) };
}
