// A backup is the database engine's own file (a SQLite database, or a pg_dump archive in custom
// format, each usable with the engine's own tools) plus a small manifest beside it: the engine,
// which migrations it holds, and the fingerprint (row counts, checksum) a restore is checked against.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, openSync, readFileSync, readSync, closeSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { DatabaseKind } from "../../lib/env";
import type { Fingerprint } from "./fingerprint";

/** An operator's mistake or a refusal: the message says what to do; the exit code tells scripts. */
export class OpsError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = "OpsError";
  }
}

/** Exit codes of backup, restore and db:migrate (README). */
export const EXIT = { ok: 0, mismatch: 1, refused: 2, busy: 3, failed: 4 } as const;

const ENGINE_NAMES: Record<DatabaseKind, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };
export const engineName = (kind: DatabaseKind) => ENGINE_NAMES[kind];

/** Which engine wrote the file, from its first bytes; null when it is neither. */
export function backupKind(file: string): DatabaseKind | null {
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  return null;
}

/** The backup file, checked to exist and to be of the engine the target database uses. */
export function checkedBackupFile(file: string, engine: DatabaseKind): void {
  if (!existsSync(file)) throw new OpsError(`No backup file at ${file}.`);
  const kind = backupKind(file);
  if (!kind) throw new OpsError(`${file} is not a Dept backup: neither a SQLite database nor a pg_dump custom-format archive.`);
  if (kind !== engine) {
    throw new OpsError(`${file} is a ${engineName(kind)} backup but DATABASE_URL names a ${engineName(engine)} database. Restore it into a ${engineName(kind)} database.`);
  }
}

const Manifest = z.object({
  format: z.literal("dept-backup/1"),
  engine: z.enum(["sqlite", "postgres"]),
  createdAt: z.string(),
  fileSha256: z.string(),
  migrations: z.array(z.string()),
  fingerprint: z.object({
    checksum: z.string(),
    tables: z.array(z.object({ table: z.string(), rows: z.number().int().nonnegative(), checksum: z.string() })),
  }),
});
export type Manifest = z.infer<typeof Manifest>;

export const manifestFile = (file: string) => `${file}.manifest.json`;

export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

export async function writeManifest(file: string, engine: DatabaseKind, migrations: string[], fingerprint: Fingerprint): Promise<Manifest> {
  const manifest: Manifest = { format: "dept-backup/1", engine, createdAt: new Date().toISOString(), fileSha256: await fileSha256(file), migrations, fingerprint };
  writeFileSync(manifestFile(file), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The manifest of a backup, checked to belong to this very file. */
export async function readManifest(file: string): Promise<Manifest> {
  const path = manifestFile(file);
  if (!existsSync(path)) throw new OpsError(`The backup's manifest ${path} is missing: it holds the row counts and checksum the restore is checked against. Keep it beside the backup file.`);
  let parsed;
  try {
    parsed = Manifest.safeParse(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    parsed = { success: false as const };
  }
  if (!parsed.success) throw new OpsError(`${path} is not a Dept backup manifest.`);
  if (parsed.data.fileSha256 !== (await fileSha256(file))) {
    throw new OpsError(`${path} does not belong to ${file} (the file's checksum differs): the backup was changed or the manifest is another backup's.`);
  }
  return parsed.data;
}
