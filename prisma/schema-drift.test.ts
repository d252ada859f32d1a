// Keeps the three descriptions of the data model in step: prisma/models.prisma (the source),
// the generated per-provider schema files, and the committed migrations that build real
// databases. Also proves prisma/migrate/deploy.ts builds both databases the way Prisma would.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrationPostgresUrl } from "./migrate/adapters";
import { migrateDatabase, readMigrationFolders } from "./migrate/deploy";
import { diagnoseMigrationHistory, diffMigrationsToSchema, isEmptyMigration } from "./migrate/engine";
import { expectedSchema, migrationsDir, providers, schemaPath } from "./migrate/schema-files";

const folderNames = (provider: (typeof providers)[number]) =>
  readMigrationFolders(migrationsDir(provider)).map((m) => m.name);

describe.each(providers)("%s schema", (provider) => {
  it("matches prisma/models.prisma", () => {
    expect(
      readFileSync(schemaPath(provider), "utf8"),
      `prisma/${provider}/schema.prisma is stale: run npm run prisma:generate`,
    ).toBe(expectedSchema(provider));
  });

  it("is fully described by the committed migrations", async () => {
    const sql = await diffMigrationsToSchema(provider);
    expect(
      isEmptyMigration(sql),
      `prisma/${provider}/migrations lag behind the schema: run npm run db:migration -- <name>. Missing SQL:\n${sql}`,
    ).toBe(true);
  });
});

it("has the same migration history for every provider", () => {
  const [first, ...others] = providers;
  expect(folderNames(first).length).toBeGreaterThan(0);
  for (const other of others) {
    expect(folderNames(other), `prisma/${first}/migrations and prisma/${other}/migrations differ`).toEqual(
      folderNames(first),
    );
  }
});

describe("migrateDatabase", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  // Applies everything once, nothing the second time, builds the app's tables, and Prisma's own
  // history check finds the result indistinguishable from `prisma migrate deploy`.
  async function checkFreshDatabase(provider: (typeof providers)[number], url: string, tables: () => Promise<string[]>) {
    expect(await migrateDatabase(url)).toEqual({ applied: folderNames(provider) });
    expect(await migrateDatabase(url)).toEqual({ applied: [] });
    expect(await tables()).toEqual(expect.arrayContaining(["Article", "Comment", "User", "_prisma_migrations"]));
    expect(await diagnoseMigrationHistory(provider, url)).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  }

  it("builds a fresh SQLite file, creating its folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dept-drift-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "nested", "drift.db");
    await checkFreshDatabase("sqlite", `file:${file}`, async () => {
      const db = new Database(file, { readonly: true });
      try {
        const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
        return rows.map((r) => r.name);
      } finally {
        db.close();
      }
    });
  });

  it("builds a fresh PostgreSQL database, creating the database itself", async () => {
    const server = new URL(migrationPostgresUrl());
    const name = `dept_scratch_drift_${process.pid}_${randomBytes(3).toString("hex")}`;
    const url = new URL(server);
    url.pathname = `/${name}`;
    cleanups.push(async () => {
      const admin = new pg.Client({ connectionString: server.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
    });
    await checkFreshDatabase("postgres", url.toString(), async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ tablename: string }>(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
        );
        return rows.map((r) => r.tablename);
      } finally {
        await client.end();
      }
    });
  });
});
