// PostgreSQL: pg_dump's custom format, restored with pg_restore. The fingerprint is taken in the
// very snapshot pg_dump reads (an exported snapshot), so it describes the archive exactly even
// while the site keeps writing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { connectCreatingDatabase } from "../../prisma/migrate/deploy";
import { EXIT, OpsError, readManifest, writeManifest, type Manifest } from "./backup-file";
import { POSTGRES_TEXT_SETTINGS, postgresFingerprint, type Fingerprint } from "./fingerprint";

/** Runs one of PostgreSQL's client tools; its error output becomes the failure's message. */
function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new OpsError(`${tool} was not found: install PostgreSQL's client tools (the same major version as the server, or newer).`) : error);
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new OpsError(`${tool} failed (exit ${code}):\n${errors.trim()}`, EXIT.failed))));
  });
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new OpsError(`Cannot connect to the database named by DATABASE_URL: ${(error as Error).message}`);
  }
  return client;
}

async function migrationsIn(client: pg.Client): Promise<string[]> {
  // Checked first: a failed query would abort the snapshot's transaction.
  const { rows: has } = await client.query<{ found: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS found`);
  if (!has[0].found) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export async function backupPostgres(url: string, file: string): Promise<Manifest> {
  const client = await connect(url);
  try {
    await client.query(POSTGRES_TEXT_SETTINGS);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    // The snapshot stays valid while this transaction is open: pg_dump and the fingerprint read the same moment.
    const dumped = run("pg_dump", ["--format=custom", `--snapshot=${rows[0].id}`, `--file=${file}`, `--dbname=${url}`]);
    const migrations = await migrationsIn(client);
    const [, fingerprint] = await Promise.all([dumped, postgresFingerprint(client)]);
    await client.query("COMMIT");
    return await writeManifest(file, "postgres", migrations, fingerprint);
  } finally {
    await client.end();
  }
}

/** Relations and types outside the system schemas: an empty database has none. */
async function contentOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     UNION ALL
     SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype IN ('e', 'd') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Restores into an empty (or not yet created) database; returns what the backup held and what the database now holds. */
export async function restorePostgres(url: string, file: string): Promise<{ expected: Fingerprint; actual: Fingerprint }> {
  if (!existsSync(file)) throw new OpsError(`No backup file at ${file}.`);
  const manifest = await readManifest(file);
  let client: pg.Client;
  try {
    client = await connectCreatingDatabase(url);
  } catch (error) {
    throw new OpsError(`Cannot connect to the database named by DATABASE_URL: ${(error as Error).message}`);
  }
  try {
    const content = await contentOf(client);
    if (content.length > 0) {
      throw new OpsError(`Refusing to restore: the database named by DATABASE_URL is not empty (${content.length} tables, sequences or types, e.g. ${content.slice(0, 3).join(", ")}). Restore into a new database.`);
    }
    // One transaction: a failure half-way leaves the database empty, ready for another try.
    await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file]);
    await client.query(POSTGRES_TEXT_SETTINGS);
    return { expected: manifest.fingerprint, actual: await postgresFingerprint(client) };
  } finally {
    await client.end();
  }
}
