// Brings the database named by DATABASE_URL up to date and, when it is empty, loads the demo
// content. Run by `npm start`; safe to run any number of times.
import { createDb } from "../lib/db";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { databaseKind, env } from "../lib/env";
import { seedDemo } from "../prisma/seed";

async function main() {
  const { DATABASE_URL, DEPT_SKIP_SEED } = env();
  const started = Date.now();
  const { applied } = await migrateDatabase(DATABASE_URL);
  console.log(`db: ${databaseKind(DATABASE_URL)} migrated (${applied.length ? applied.join(", ") : "already up to date"})`);
  if (DEPT_SKIP_SEED === "1") return;
  const db = createDb(DATABASE_URL);
  try {
    const { seeded } = await seedDemo(db);
    console.log(seeded ? "db: demo content loaded" : "db: has content, demo not loaded");
  } finally {
    await db.$disconnect();
  }
  console.log(`db: ready in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
