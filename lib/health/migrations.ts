// Whether the database has every migration this build ships with, judged the way
// prisma/migrate/deploy.ts judges what to apply: a migration folder with no row in
// `_prisma_migrations` (or only a rolled-back one) is pending, and a row that neither finished nor
// was rolled back is a failed migration that blocks every later one.
import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "../db";
import type { DatabaseKind } from "../env";

export type MigrationState = "applied" | "pending" | "failed";

type Row = { migration_name: string; finished: number | boolean | bigint; rolled_back: number | boolean | bigint };

// The folders do not change under a running build: read once per process, not per probe.
const shipped = new Map<DatabaseKind, string[]>();

/** The migration folders of the build, for the engine (prisma/<engine>/migrations). */
export function shippedMigrations(kind: DatabaseKind, root = process.cwd()): string[] {
  const known = shipped.get(kind);
  if (known) return known;
  const dir = path.join(/*turbopackIgnore: true*/ root, "prisma", kind, "migrations");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
        .map((e) => e.name)
        .sort()
    : [];
  shipped.set(kind, names);
  return names;
}

/** Compares the shipped folders with what the database records. */
export async function migrationState(db: Db, names: string[]): Promise<MigrationState> {
  // Booleans computed in SQL so both engines' date types need no decoding here.
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT migration_name, (finished_at IS NOT NULL) AS finished, (rolled_back_at IS NOT NULL) AS rolled_back FROM "_prisma_migrations"`,
  );
  if (rows.some((r) => !Number(r.finished) && !Number(r.rolled_back))) return "failed";
  const done = new Set(rows.filter((r) => !Number(r.rolled_back)).map((r) => r.migration_name));
  // A build with no folders at all cannot vouch for anything.
  if (names.length === 0) return "pending";
  return names.every((n) => done.has(n)) ? "applied" : "pending";
}
