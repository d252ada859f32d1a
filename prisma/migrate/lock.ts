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

/** How long to wait for the lock (without bound when undefined), and what to say when waiting starts. */
export type LockWait = { waitMs?: number; onWait?: () => void };

/** Takes the migration lock on this session. */
export async function lockPostgres(client: pg.Client, { waitMs, onWait }: LockWait = {}): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [PRISMA_MIGRATE_LOCK]);
  if (rows[0].ok) return;
  if (waitMs !== undefined && waitMs <= 0) throw new MigrationLockBusyError(0);
  onWait?.();
  // lock_timeout bounds the wait for advisory locks too; it is reset before any migration runs.
  await client.query(`SET lock_timeout = ${waitMs === undefined ? 0 : Math.ceil(waitMs)}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
  } catch (error) {
    if ((error as { code?: string }).code === "55P03") throw new MigrationLockBusyError(waitMs ?? 0); // lock_not_available
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
 * Takes the migration lock of a SQLite database; returns the release. The lock is an exclusive
 * transaction on a small file of its own: the migrations need transactions of their own on the
 * database itself.
 */
export function lockSqlite(databaseFile: string, { waitMs, onWait }: LockWait = {}): () => void {
  const lock = new Database(sqliteLockFile(databaseFile), { timeout: 0 });
  const take = () => {
    try {
      lock.exec("BEGIN EXCLUSIVE");
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") return false;
      throw error;
    }
  };
  try {
    let taken = take();
    if (!taken && (waitMs === undefined || waitMs > 0)) {
      onWait?.();
      lock.pragma(`busy_timeout = ${waitMs === undefined ? FOREVER_MS : Math.ceil(waitMs)}`);
      taken = take();
    }
    if (!taken) throw new MigrationLockBusyError(waitMs ?? FOREVER_MS);
  } catch (error) {
    lock.close();
    throw error;
  }
  return () => {
    lock.exec("ROLLBACK");
    lock.close();
  };
}
