// Every test run gets databases of its own: a fresh SQLite file, or a fresh database on the
// PostgreSQL server that DATABASE_URL names. They are dropped when the run ends.
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseKind } from "../lib/env";

export type TestDatabase = { url: string; drop: () => Promise<void> };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the PostgreSQL server's maintenance database (CREATE/DROP DATABASE). */
async function onServer(baseUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A new database for a test run, empty or a copy of `template` (a migrated one, so each Vitest
 * worker gets its own without migrating again): a SQLite file is copied, PostgreSQL clones it
 * (the template must have no open connection).
 */
export async function createTestDatabase(baseUrl: string, label: string, template?: TestDatabase): Promise<TestDatabase> {
  const suffix = `${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  if (databaseKind(baseUrl) === "sqlite") {
    const dir = path.resolve(process.cwd(), "data", "test");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${suffix}.db`);
    if (template) copyFileSync(template.url.slice("file:".length), file);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const ext of ["", "-wal", "-shm", "-journal", "-migrate.lock"]) rmSync(file + ext, { force: true });
      },
    };
  }
  const name = `dept_test_${suffix}`.toLowerCase();
  await onServer(baseUrl, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${new URL(template.url).pathname.slice(1)}"` : ""}`);
  return {
    url: withDatabase(baseUrl, name),
    drop: () => onServer(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
