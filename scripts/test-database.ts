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

export async function createTestDatabase(baseUrl: string, label: string): Promise<TestDatabase> {
  const suffix = `${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  if (databaseKind(baseUrl) === "sqlite") {
    const dir = path.resolve(process.cwd(), "data", "test");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${suffix}.db`);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const ext of ["", "-wal", "-shm", "-journal"]) rmSync(file + ext, { force: true });
      },
    };
  }
  const name = `dept_test_${suffix}`.toLowerCase();
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(baseUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Copies of a migrated database, one per test worker, so workers never see each other's rows. A
 * SQLite file is copied; PostgreSQL clones it as a template (it must have no open connection).
 */
export async function cloneTestDatabase(source: TestDatabase, baseUrl: string, label: string): Promise<TestDatabase> {
  const copy = await createTestDatabase(baseUrl, label);
  if (databaseKind(baseUrl) === "sqlite") {
    copyFileSync(source.url.slice("file:".length), copy.url.slice("file:".length));
    return copy;
  }
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await admin.connect();
  try {
    const name = new URL(copy.url).pathname.slice(1);
    await admin.query(`DROP DATABASE "${name}"`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${new URL(source.url).pathname.slice(1)}"`);
  } finally {
    await admin.end();
  }
  return copy;
}
