// What a backup holds, in a form two databases can be compared by: the rows of every table
// and a checksum of their content. Row order does not count (a restore may lay rows out
// differently), so each row is hashed and a table's checksum is the hash of its sorted row hashes.
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";

export type TableFingerprint = { table: string; rows: number; checksum: string };
export type Fingerprint = { tables: TableFingerprint[]; checksum: string };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function summarize(tables: TableFingerprint[]): Fingerprint {
  return { tables, checksum: sha256(tables.map((t) => `${t.table}\t${t.rows}\t${t.checksum}`).join("\n")) };
}

const quoteSqlite = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Types are tagged so that the text "5" and the integer 5 hash differently.
function sqliteValue(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return `i:${value}`;
  if (typeof value === "string") return `s:${value}`;
  return value;
}

/** Every table of a SQLite database (Prisma's bookkeeping included), read in one snapshot. */
export function sqliteFingerprint(db: Database.Database): Fingerprint {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name`).pluck().all() as string[];
  const read = db.transaction(() =>
    names.map((table) => {
      const hashes: string[] = [];
      // safeIntegers: large integers stay exact; raw: values in column order.
      for (const row of db.prepare(`SELECT * FROM ${quoteSqlite(table)}`).raw(true).safeIntegers(true).iterate()) {
        hashes.push(sha256(JSON.stringify(row, sqliteValue)));
      }
      hashes.sort();
      return { table, rows: hashes.length, checksum: sha256(hashes.join("")) };
    }),
  );
  return summarize(read());
}

// A row's text form depends on these session settings; fixing them makes two sessions (and two
// servers) print the same row the same way.
export const POSTGRES_TEXT_SETTINGS = `SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, YMD'; SET IntervalStyle TO 'postgres';
  SET extra_float_digits TO 3; SET bytea_output TO 'hex'`;

/**
 * Every table of a PostgreSQL database outside the system schemas, hashed by the server. Call it
 * inside a REPEATABLE READ transaction for one snapshot, after POSTGRES_TEXT_SETTINGS.
 */
export async function postgresFingerprint(client: pg.Client): Promise<Fingerprint> {
  const { rows: names } = await client.query<{ table: string; quoted: string }>(
    `SELECT schemaname || '.' || tablename AS table, format('%I.%I', schemaname, tablename) AS quoted
       FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const tables: TableFingerprint[] = [];
  for (const { table, quoted } of names) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
         FROM (SELECT md5(t::text) AS h FROM ${quoted} t) hashed`,
    );
    tables.push({ table, rows: Number(rows[0].rows), checksum: rows[0].checksum });
  }
  return summarize(tables);
}

/** The differences between what the backup held and what a database holds (none: equal). */
export function differences(expected: Fingerprint, actual: Fingerprint): string[] {
  const found = new Map(actual.tables.map((t) => [t.table, t]));
  const problems: string[] = [];
  for (const want of expected.tables) {
    const got = found.get(want.table);
    found.delete(want.table);
    if (!got) problems.push(`${want.table}: missing`);
    else if (got.rows !== want.rows) problems.push(`${want.table}: ${got.rows} rows, the backup has ${want.rows}`);
    else if (got.checksum !== want.checksum) problems.push(`${want.table}: same ${got.rows} rows but different content`);
  }
  for (const extra of found.keys()) problems.push(`${extra}: not in the backup`);
  return problems;
}

/** A table for the terminal: each table's rows in the backup and restored, and whether the content matches. */
export function comparisonReport(expected: Fingerprint, actual: Fingerprint): string {
  const found = new Map(actual.tables.map((t) => [t.table, t]));
  const width = Math.max(5, ...expected.tables.map((t) => t.table.length));
  const lines = [`${"table".padEnd(width)}  ${"backup".padStart(8)}  ${"restored".padStart(8)}  content`];
  for (const want of expected.tables) {
    const got = found.get(want.table);
    const same = got && got.rows === want.rows && got.checksum === want.checksum;
    lines.push(`${want.table.padEnd(width)}  ${String(want.rows).padStart(8)}  ${String(got?.rows ?? "-").padStart(8)}  ${same ? "same" : "DIFFERENT"}`);
  }
  lines.push(`checksum: backup ${expected.checksum.slice(0, 16)}…  restored ${actual.checksum.slice(0, 16)}…`);
  return lines.join("\n");
}
