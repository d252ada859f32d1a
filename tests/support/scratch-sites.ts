// Empty sites for the import and export tests: each a database of its own on the engine the run
// uses, migrated and ready, plus a scratch folder for files. `cleanup` (in afterAll) drops them.
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { createDb, type Db } from "../../lib/db";
import { databaseKind } from "../../lib/env";
import { exportSite } from "../../lib/transfer/export";
import { migrateDatabase } from "../../prisma/migrate/deploy";
import { createTestDatabase, type TestDatabase } from "../../scripts/test-database";

export function scratchSites(prefix: string) {
  const base = process.env.DEPT_TEST_BASE_DATABASE_URL!;
  const dir = mkdtempSync(path.join(tmpdir(), `dept-${prefix}-`));
  const databases: TestDatabase[] = [];
  const clients: Db[] = [];

  async function emptySite(label: string): Promise<{ url: string; db: Db }> {
    const made = await createTestDatabase(base, label);
    databases.push(made);
    await migrateDatabase(made.url);
    const db = createDb(made.url);
    clients.push(db);
    return { url: made.url, db };
  }

  /** The site exported to `name` in the scratch folder; the file's path. */
  async function exportTo(db: Db, name: string, withSecrets = false): Promise<string> {
    const file = path.join(dir, name);
    const out = createWriteStream(file);
    await exportSite(db, out, { withSecrets });
    out.end();
    await finished(out);
    return file;
  }

  async function cleanup(): Promise<void> {
    await Promise.all(clients.map((db) => db.$disconnect()));
    await Promise.all(databases.map((d) => d.drop()));
    rmSync(dir, { recursive: true, force: true });
  }

  return { engine: databaseKind(base), dir, emptySite, exportTo, cleanup, keep: (db: Db) => clients.push(db) };
}
