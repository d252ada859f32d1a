// `npm run db:migration -- <name>`: writes the next migration for both databases from the
// change in prisma/models.prisma, standing in for `prisma migrate dev --create-only`, which
// needs the native schema engine we cannot download here (STACK-NOTES, "Prisma 7 here").
// The SQL is generated, not applied: review it, then `npm run db:setup` (or any start) applies it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema, isEmptyMigration, lockfileContent } from "../prisma/migrate/engine";
import { readMigrationFolders } from "../prisma/migrate/deploy";
import { migrationsDir, providers } from "../prisma/migrate/schema-files";

const root = path.resolve(import.meta.dirname, "..");

/** Prisma's folder-name rules: lower-case words joined by `_`, at most 200 characters. */
function migrationName(raw: string | undefined): string {
  const name = (raw ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!name) {
    console.error("usage: npm run db:migration -- <name>   (e.g. add_comment_pinning)");
    process.exit(2);
  }
  return name;
}

function utcTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14); // YYYYMMDDHHMMSS
}

async function main(): Promise<void> {
  const name = migrationName(process.argv.slice(2).join(" "));

  // The diff reads prisma/<provider>/schema.prisma, so bring them up to date with
  // prisma/models.prisma first (same node flags, so the tsx loader carries over).
  execFileSync(process.execPath, [...process.execArgv, path.join(root, "scripts", "prisma-generate.ts")], {
    cwd: root,
    stdio: "inherit",
  });

  const diffs = [];
  for (const provider of providers) {
    diffs.push({ provider, sql: await diffMigrationsToSchema(provider) });
  }
  if (diffs.every(({ sql }) => isEmptyMigration(sql))) {
    console.log("db:migration: the migrations already match prisma/models.prisma; nothing written.");
    return;
  }

  // Same folder name for every provider, even when one side has nothing to do (an enum change
  // is SQL on PostgreSQL but nothing on SQLite, where enums are TEXT): the drift test expects
  // the two histories to stay parallel, and an empty migration is valid for Prisma.
  const folder = `${utcTimestamp()}_${name}`;
  for (const { provider } of diffs) {
    const latest = readMigrationFolders(migrationsDir(provider)).at(-1)?.name;
    if (latest !== undefined && latest >= folder) {
      throw new Error(`${provider}: ${folder} would not sort after the latest migration ${latest}; check the clock`);
    }
  }
  for (const { provider, sql } of diffs) {
    const dir = migrationsDir(provider);
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
    const lock = path.join(dir, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, lockfileContent(provider));
    const note = isEmptyMigration(sql) ? " (empty: no change for this database)" : "";
    console.log(`db:migration: wrote ${path.relative(root, path.join(dir, folder, "migration.sql"))}${note}`);
  }
  console.log("db:migration: review the SQL (data-losing steps are not flagged), then commit it with the model change.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
