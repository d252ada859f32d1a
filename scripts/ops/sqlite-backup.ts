// SQLite: the backup is a copy made with SQLite's online backup API, consistent while the site
// keeps writing (WAL lets writers go on while the copy reads its snapshot).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { OpsError, readManifest, writeManifest, type Manifest } from "./backup-file";
import { sqliteFingerprint, type Fingerprint } from "./fingerprint";

// All remaining pages in one step: the copy then comes from one read snapshot. In small steps
// SQLite restarts the copy whenever another process writes in between, which under a steady
// stream of comments could go on for ever.
const ALL_PAGES = () => 0x7fffffff;

function migrationsIn(db: Database.Database): string[] {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
  if (!has) return [];
  return db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`).pluck().all() as string[];
}

export async function backupSqlite(databaseFile: string, file: string): Promise<Manifest> {
  if (!existsSync(databaseFile)) throw new OpsError(`No SQLite database at ${databaseFile} (DATABASE_URL): nothing to back up.`);
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(file, { progress: ALL_PAGES });
  } finally {
    source.close();
  }
  // A self-contained single file: no -wal beside it to forget when copying it elsewhere.
  const copy = new Database(file);
  try {
    copy.pragma("journal_mode = DELETE");
    return await writeManifest(file, "sqlite", migrationsIn(copy), sqliteFingerprint(copy));
  } finally {
    copy.close();
  }
}

/** The user tables of the SQLite database in the file, if it exists: none means it is empty. */
function tablesIn(databaseFile: string): string[] {
  if (!existsSync(databaseFile)) return [];
  const db = new Database(databaseFile, { readonly: true, timeout: 5000 });
  try {
    return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** Restores into a missing or empty database file; returns what the backup held and what the database now holds. */
export async function restoreSqlite(databaseFile: string, file: string): Promise<{ expected: Fingerprint; actual: Fingerprint }> {
  const manifest = await readManifest(file);
  const tables = tablesIn(databaseFile);
  if (tables.length > 0) {
    throw new OpsError(`Refusing to restore into ${databaseFile}: it is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(", ")}). Restore into a new database file, or move this one away first.`);
  }
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile, { progress: ALL_PAGES });
  } finally {
    source.close();
  }
  const restored = new Database(databaseFile, { timeout: 5000 });
  try {
    restored.pragma("journal_mode = WAL"); // as the site runs it (lib/db, prisma/migrate/deploy)
    return { expected: manifest.fingerprint, actual: sqliteFingerprint(restored) };
  } finally {
    restored.close();
  }
}
