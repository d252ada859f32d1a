// Applies the committed migrations (prisma/<provider>/migrations) at start-up and in tests.
// Runtime code: only better-sqlite3, pg and node builtins, no Prisma CLI or schema engine (the
// CLI's native engine cannot be downloaded on our machines; STACK-NOTES "Prisma 7 here").
//
// Bookkeeping is Prisma's own `_prisma_migrations` table, written the way `prisma migrate
// deploy` writes it (same DDL, sha256 checksum of migration.sql, RFC 3339 times on SQLite), so a
// database set up here and one set up by the Prisma CLI are interchangeable.
//
// Failure policy: each migration runs in one transaction together with its bookkeeping row, so
// a failed migration leaves no trace at all (Prisma instead records it as failed, because on
// some databases it cannot roll back). Fix the script and start again; it is retried. A failed
// row left by the real Prisma CLI is honoured: we refuse to go on, as `migrate deploy` does
// (resolve it with `prisma migrate resolve`).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { lockPostgres, lockSqlite } from "./lock";

export type MigrationFolder = { name: string; sql: string; checksum: string };
type AppliedRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

/** Migration folders in the order Prisma applies them: by name (the name starts with a UTC timestamp). */
export function readMigrationFolders(baseDir: string): MigrationFolder[] {
  if (!existsSync(baseDir)) return [];
  return readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      // A folder without its script is a half-copied migration; skipping it would silently
      // shift every later one.
      if (!existsSync(file)) throw new Error(`Migration ${name} has no migration.sql (${file})`);
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

// process.cwd() rather than import.meta: every entry point (npm start's db-setup, the other
// tsx scripts, vitest) runs from the project root, wherever this module ends up being loaded from.
function migrationsFor(provider: "sqlite" | "postgres"): MigrationFolder[] {
  const dir = path.join(process.cwd(), "prisma", provider, "migrations");
  const folders = readMigrationFolders(dir);
  if (folders.length === 0) throw new Error(`No migrations in ${dir}: is the working directory the project root?`);
  return folders;
}

export type MigrateOptions = {
  /**
   * How long to wait for another process's migration run to finish (MigrationLockBusyError
   * after that; 0 refuses at once). Without it the wait has no bound, as `npm start` wants.
   */
  lockWaitMs?: number;
  /** Called once when another process holds the lock and the wait begins. */
  onLockWait?: () => void;
};

export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  if (url.startsWith("file:")) return migrateSqlite(sqlitePath(url), migrationsFor("sqlite"), options);
  if (/^postgres(ql)?:\/\//.test(url)) return migratePostgres(url, migrationsFor("postgres"), options);
  throw new Error("Database URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

/** Pending = no row for it that was not rolled back; failed rows stop everything (Prisma P3009). */
function pending(migrations: MigrationFolder[], rows: AppliedRow[]): MigrationFolder[] {
  const failed = rows.filter((r) => r.finished_at == null && r.rolled_back_at == null).map((r) => r.migration_name);
  if (failed.length > 0) {
    throw new Error(`Failed migrations recorded in the database: ${failed.join(", ")}. Resolve them first (prisma migrate resolve).`);
  }
  const done = new Set(rows.filter((r) => r.rolled_back_at == null).map((r) => r.migration_name));
  return migrations.filter((m) => !done.has(m.name));
}

function failure(name: string, error: unknown): Error {
  return new Error(`Migration ${name} failed and was rolled back: ${(error as Error)?.message ?? error}`, { cause: error });
}

// ---------------------------------------------------------------- SQLite

function sqlitePath(url: string): string {
  // Same rule as lib/env.ts sqliteFilePath, so the app and the migrator open the same file.
  const raw = url.slice("file:".length).split("?")[0];
  return path.resolve(process.cwd(), raw);
}

// Exactly the table the Prisma schema engine creates on SQLite.
const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** The engine's time format on SQLite: `2026-01-02T03:04:05.678+00:00`. */
function sqliteTime(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

function migrateSqlite(file: string, migrations: MigrationFolder[], options: MigrateOptions): { applied: string[] } {
  mkdirSync(path.dirname(file), { recursive: true });
  const release = lockSqlite(file, { waitMs: options.lockWaitMs, onWait: options.onLockWait });
  try {
    return applySqlite(file, migrations);
  } finally {
    release();
  }
}

function applySqlite(file: string, migrations: MigrationFolder[]): { applied: string[] } {
  // The site may be writing meanwhile: wait for its write lock instead of failing.
  const db = new Database(file, { timeout: 30_000 });
  try {
    db.pragma("journal_mode = WAL"); // persistent: the app's connections get WAL too
    db.exec(SQLITE_TABLE);
    const listRows = () => db.prepare(`SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
    const insert = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    );
    const applied: string[] = [];
    for (const migration of pending(migrations, listRows())) {
      // Prisma's table-redefining scripts turn foreign keys off so that DROP TABLE does not
      // cascade into child rows; that pragma is ignored inside a transaction, so it is set
      // here, before BEGIN, as SQLite's own ALTER TABLE procedure prescribes.
      db.pragma("foreign_keys = OFF");
      try {
        db.exec("BEGIN IMMEDIATE");
        // Re-read under the write lock: another process may have applied it meanwhile.
        if (pending([migration], listRows()).length === 0) {
          db.exec("COMMIT");
          continue;
        }
        const startedAt = sqliteTime();
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`${broken.length} rows violate foreign keys afterwards`);
        insert.run(randomUUID(), migration.checksum, sqliteTime(), migration.name, startedAt);
        db.exec("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw failure(migration.name, error);
      } finally {
        db.pragma("foreign_keys = ON");
      }
    }
    return { applied };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- PostgreSQL

// Exactly the table the Prisma schema engine creates on PostgreSQL.
const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Connects, creating the database first (from the `postgres` maintenance database) if missing. */
export async function connectCreatingDatabase(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: database does not exist
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another process won the race to create it: 42P04 duplicate_database, or 23505 when both
    // hit pg_database's unique index at the same moment.
    if (!["42P04", "23505"].includes((error as { code?: string }).code ?? "")) throw error;
  } finally {
    await admin.end();
  }
  const retry = new pg.Client({ connectionString: url });
  await retry.connect();
  return retry;
}

async function migratePostgres(url: string, migrations: MigrationFolder[], options: MigrateOptions): Promise<{ applied: string[] }> {
  const client = await connectCreatingDatabase(url);
  try {
    // Held for the whole run: a second process waits here, then finds nothing pending.
    await lockPostgres(client, { waitMs: options.lockWaitMs, onWait: options.onLockWait });
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<AppliedRow>(`SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const applied: string[] = [];
    for (const migration of pending(migrations, rows)) {
      const startedAt = new Date();
      try {
        await client.query("BEGIN");
        // No parameters, so pg sends the script with the simple query protocol, which accepts
        // many statements in one go, as Prisma does.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, NULL, NULL, $5, 1)`,
          [randomUUID(), migration.checksum, new Date(), migration.name, startedAt],
        );
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw failure(migration.name, error);
      }
    }
    return { applied };
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end();
  }
}
