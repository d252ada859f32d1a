// One migrated, empty database for the whole Vitest run (tests seed what they need and clean
// up), on the same engine as DATABASE_URL: the suite runs unchanged on SQLite and PostgreSQL.
import { migrateDatabase } from "./prisma/migrate/deploy";
import type { TestProject } from "vitest/node";
import { createTestDatabase, type TestDatabase } from "./scripts/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    baseDatabaseUrl: string;
  }
}

let database: TestDatabase | undefined;

export async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL ?? "file:./data/dept.db";
  database = await createTestDatabase(base, "vitest");
  await migrateDatabase(database.url);
  // Workers read these through vitest.setup.ts, which copies them into process.env.
  project.provide("databaseUrl", database.url);
  project.provide("baseDatabaseUrl", base);
}

export async function teardown() {
  await database?.drop();
}
