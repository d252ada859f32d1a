// One migrator per database at a time: an instance starting (`npm start`) and a deploy job
// (`npm run db:migrate`) may both try at once. The lock is held for the whole run, so the second
// one finds nothing pending instead of interleaving its migrations with the first one's.
// Both locks belong to a connection and die with its process: a migrator killed half-way
// leaves no stale lock behind (unlike a lock row or a pid file).
import Database from "better-sqlite3";
import type pg from "pg";

/** Another process is migrating this database and did not finish within the wait allowed. */
export class MigrationLockBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`Another migration is running on this database (waited ${Math.round(waitedMs / 1000)} s for it). Nothing was applied.`);
    this.name = "MigrationLockBusyError";
  }
}

// The advisory lock key Prisma's schema engine takes for migrations: sharing it also keeps us
// from running at the same time as a `prisma migrate deploy`.
const PRISMA_MIGRATE_LOCK = 72707369;

/** Takes the migration lock on this session, waiting up to `waitMs` (without bound when undefined). */
export async function lockPostgres(client: pg.Client, waitMs?: number): Promise<void> {
  if (waitMs === undefined) {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    return;
  }
  if (waitMs <= 0) {
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [PRISMA_MIGRATE_LOCK]);
    if (!rows[0].ok) throw new MigrationLockBusyError(0);
    return;
  }
  // lock_timeout bounds the wait for advisory locks too; it is reset before any migration runs.
  await client.query(`SET lock_timeout = ${Math.ceil(waitMs)}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
  } catch (error) {
    if ((error as { code?: string }).code === "55P03") throw new MigrationLockBusyError(waitMs); // lock_not_available
    throw error;
  } finally {
    await client.query("SET lock_timeout = 0");
  }
}

/** The file whose exclusive lock stands for "migrating" (beside the database, never deleted). */
export function sqliteLockFile(databaseFile: string): string {
  return `${databaseFile}-migrate.lock`;
}

// better-sqlite3's busy timeout is a 32-bit count of milliseconds.
const FOREVER_MS = 0x7fffffff;

/**
 * Takes the migration lock of a SQLite database, waiting up to `waitMs` (without bound when
 * undefined); returns the release. The lock is an exclusive transaction on a small file of its
 * own: the migrations need transactions of their own on the database itself.
 */
export function lockSqlite(databaseFile: string, waitMs?: number): () => void {
  const lock = new Database(sqliteLockFile(databaseFile), { timeout: waitMs === undefined ? FOREVER_MS : Math.max(0, Math.ceil(waitMs)) });
  try {
    lock.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") throw new MigrationLockBusyError(waitMs ?? FOREVER_MS);
    throw error;
  }
  return () => {
    lock.exec("ROLLBACK");
    lock.close();
  };
}
