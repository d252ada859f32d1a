// `npm run db:reset`: wipes every row and loads the demo content again. Cached pages of the
// old content live in the build, so the next `npm start` rebuilds (see scripts/start.mjs).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { env } from "../lib/env";
import { seedDemo, wipeDatabase } from "../prisma/seed";

async function main() {
  const { DATABASE_URL, dataDir } = env();
  await migrateDatabase(DATABASE_URL);
  const db = createDb(DATABASE_URL);
  try {
    await wipeDatabase(db);
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, ".reset-at"), new Date().toISOString());
  console.log("db: demo content restored. Restart the server (npm start) so cached pages are rebuilt.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
