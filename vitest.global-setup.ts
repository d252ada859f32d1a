// One migrated, empty database per Vitest worker (tests seed what they need and clean up), on the
// same engine as DATABASE_URL: the suite runs unchanged on SQLite and PostgreSQL, and workers run
// files side by side without seeing each other's rows.
import { migrateDatabase } from "./prisma/migrate/deploy";
import type { TestProject } from "vitest/node";
import { createTestDatabase, type TestDatabase } from "./scripts/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrls: string[];
    baseDatabaseUrl: string;
  }
}

const databases: TestDatabase[] = [];

export async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL ?? "file:./data/dept.db";
  const template = await createTestDatabase(base, "vitest");
  databases.push(template);
  await migrateDatabase(template.url);
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  // Worker n (VITEST_POOL_ID, from 1) uses databaseUrls[n - 1]; the template itself is the first.
  for (let i = 1; i < workers; i++) databases.push(await createTestDatabase(base, `vitest${i}`, template));
  // Workers read these through vitest.setup.ts, which copies them into process.env.
  project.provide("databaseUrls", databases.map((d) => d.url));
  project.provide("baseDatabaseUrl", base);
}

export async function teardown() {
  await Promise.all(databases.map((d) => d.drop()));
}
