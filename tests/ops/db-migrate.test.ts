// npm run db:migrate: one migrator at a time. Two deploy jobs at once leave every migration
// applied exactly once; while another process holds the lock, --wait=0 refuses with exit 3 and
// applies nothing, and a run allowed to wait says so and goes on once the lock is free.
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseKind, sqliteFilePath } from "../../lib/env";
import { readMigrationFolders } from "../../prisma/migrate/deploy";
import { lockPostgres, lockSqlite } from "../../prisma/migrate/lock";
import { createTestDatabase, type TestDatabase } from "../../scripts/test-database";
import { runScript, scriptResult } from "./processes";

const base = process.env.DEPT_TEST_BASE_DATABASE_URL!;
const engine = databaseKind(base);
const migrations = readMigrationFolders(path.join("prisma", engine, "migrations")).map((m) => m.name);
const databases: TestDatabase[] = [];
const newDatabase = async (label: string) => {
  const made = await createTestDatabase(base, label);
  databases.push(made);
  return made;
};

afterAll(() => Promise.all(databases.map((d) => d.drop())));

/** Names recorded as applied, with repeats: a migration applied twice shows up twice. */
async function recorded(url: string): Promise<string[]> {
  const sql = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
  if (engine === "sqlite") {
    if (!existsSync(sqliteFilePath(url))) return [];
    const db = new Database(sqliteFilePath(url), { readonly: true });
    try {
      const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'`).get();
      return has ? (db.prepare(sql).pluck().all() as string[]) : [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS found`);
    return rows[0].found ? (await client.query<{ migration_name: string }>(sql)).rows.map((r) => r.migration_name) : [];
  } finally {
    await client.end();
  }
}

/** Holds the migration lock, as a migrator in another process would; returns the release (once is enough, twice is harmless). */
async function holdLock(url: string): Promise<() => Promise<void>> {
  let release: () => Promise<void>;
  if (engine === "sqlite") {
    const unlock = lockSqlite(sqliteFilePath(url));
    release = async () => unlock();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await lockPostgres(client);
    release = () => client.end();
  }
  let released: Promise<void> | undefined;
  return () => (released ??= release());
}

describe(`db:migrate (${engine})`, () => {
  it("two runs at once: every migration is applied once, by one of them; both succeed", async () => {
    const { url } = await newDatabase("opmig");
    const [first, second] = await Promise.all([
      scriptResult("scripts/db-migrate.ts", [], { DATABASE_URL: url }),
      scriptResult("scripts/db-migrate.ts", [], { DATABASE_URL: url }),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const outputs = [first.output, second.output];
    expect(outputs.filter((o) => o.includes(`applied ${migrations.join(", ")}`))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes("already up to date"))).toHaveLength(1);
    expect(await recorded(url)).toEqual(migrations);
  });

  it("while another migrator holds the lock, --wait=0 refuses with exit 3 and applies nothing; a waiting run goes on once it is free", async () => {
    const { url } = await newDatabase("oplock");
    const release = await holdLock(url);
    try {
      const refused = await scriptResult("scripts/db-migrate.ts", ["--wait=0"], { DATABASE_URL: url });
      expect(refused.code).toBe(3);
      expect(refused.output).toContain("Another migration is running on this database");
      expect(refused.output).toContain("Nothing was applied");
      expect(await recorded(url)).toEqual([]);

      const waiting = runScript("scripts/db-migrate.ts", ["--wait=60"], { DATABASE_URL: url });
      await waiting.saw(/another migration is running; waiting up to 60 s/);
      expect(await recorded(url)).toEqual([]);
      await release();
      expect(await waiting.exited).toBe(0);
      expect(waiting.output()).toContain(`applied ${migrations.join(", ")}`);
    } finally {
      await release();
    }
    expect(await recorded(url)).toEqual(migrations);
  });

  it("bad arguments get the usage and exit 2", async () => {
    const { code, output } = await scriptResult("scripts/db-migrate.ts", ["--wait=soon"], { DATABASE_URL: "file:./data/test/never-used.db" });
    expect(code).toBe(2);
    expect(output).toContain("--wait takes a number of seconds");
  });
});
