// Reads a Dept export file (lib/transfer/format.ts) into the database, a line at a time.
//
// - Idempotent and resumable: a record whose key is already in the database is skipped, so the
//   same file imported twice changes nothing the second time, and an import stopped half-way
//   (killed, a full disk) continues where it stopped when run again.
// - Batched: records of one type are written a batch at a time, each batch in one transaction.
// - Nothing is dropped silently: a line that is not a record, a value of the wrong kind, text
//   with a NUL or past the site's limits, or a row the database refuses (a reply whose parent is
//   missing) is listed in the report with its line number, and the rest goes on.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Db } from "../db";
import { BODY_MAX, SUBJECT_MAX } from "../comments/limits";
import { delegateOf } from "./export";
import { FORMAT, FORMAT_VERSION, REMADE_WITHOUT_SECRETS, recordSpec, type RecordSpec } from "./format";

// A batch is written when it holds this many records or this much text, whichever comes first.
// Prisma keeps the arguments of its last 100 statements for its crash reports (@prisma/debug's
// history, kept even with DEBUG off), so a batch's size is also what those statements hold on to:
// with 500 records a 100,000-comment import kept ~170 MB of heap on PostgreSQL (~90 on SQLite);
// with these ~90 (~58), flat through the file and capped however long its comments are, and no
// slower (npm run bench -- --import, its "retained" column).
const BATCH_RECORDS = 200;
const BATCH_CHARS = 256 * 1024;

// The limits typed input has, for the fields an export could carry past them.
const MAX_LENGTH: Record<string, Record<string, number>> = {
  comment: { body: BODY_MAX, subject: SUBJECT_MAX },
};
// Anything longer than this is not text a person wrote (an article body is the longest field).
const ANY_FIELD_MAX = 1_000_000;
// Fields that become part of an address or identify a member: the site's own rules for them
// (lib/route-params.ts, lib/users/schemas.ts), so an imported row is one the site can link to.
const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;
const PATTERNS: Record<string, Record<string, [RegExp, string]>> = {
  user: { handle: [/^[a-z0-9][a-z0-9_-]{2,29}$/, "is not a handle (3 to 30 lower-case letters, digits, _ or -)"], email: [/^[^\s@A-Z]+@[^\s@A-Z]+\.[^\s@A-Z]+$/, "is not a lower-case email address"] },
  article: { slug: [SLUG, "is not a slug (lower-case letters, digits and -)"] },
  tag: { slug: [SLUG, "is not a slug (lower-case letters, digits and -)"] },
};

export type Problem = { line: number; type?: string; key?: string; reason: string };
export type ImportSummary = { created: Record<string, number>; existing: Record<string, number>; problems: Problem[]; lines: number };
type Pending = { line: number; data: Record<string, unknown> };

/** The record's values as the database takes them, or why it cannot be imported. */
export function recordData(spec: RecordSpec, record: Record<string, unknown>, secrets: boolean): Record<string, unknown> | string {
  const data: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(spec.fields)) {
    const value = record[field];
    if (value === undefined) {
      if (spec.secret?.includes(field) && !secrets) continue;
      return `missing field "${field}"`;
    }
    if (value === null) {
      data[field] = null;
      continue;
    }
    if (kind === "date") {
      const date = typeof value === "string" ? new Date(value) : null;
      if (!date || Number.isNaN(date.getTime())) return `"${field}" is not a time`;
      data[field] = date;
    } else if (kind === "int") {
      if (!Number.isSafeInteger(value)) return `"${field}" is not a whole number`;
      data[field] = value;
    } else if (kind === "boolean") {
      if (typeof value !== "boolean") return `"${field}" is not true or false`;
      data[field] = value;
    } else {
      if (typeof value !== "string") return `"${field}" is not text`;
      if (value.includes("\u0000")) return `"${field}" holds a NUL character`;
      const max = MAX_LENGTH[spec.type]?.[field] ?? ANY_FIELD_MAX;
      if (value.length > max) return `"${field}" is longer than ${max} characters`;
      const rule = PATTERNS[spec.type]?.[field];
      if (rule && !rule[0].test(value)) return `"${field}" ${rule[1]}`;
      data[field] = value;
    }
  }
  const unknown = Object.keys(record).filter((k) => k !== "type" && !(k in spec.fields));
  if (unknown.length > 0) return `unknown field "${unknown[0]}"`;
  for (const field of REMADE_WITHOUT_SECRETS[spec.type] ?? []) data[field] ??= randomBytes(24).toString("base64url");
  return data;
}

const keyText = (spec: RecordSpec, data: Record<string, unknown>) => spec.key.map((k) => String(data[k])).join("/");

/** Writes the batch's records that are not in the database yet; returns how many it wrote. */
async function writeBatch(db: Db, spec: RecordSpec, batch: Pending[], summary: ImportSummary, dryRun: boolean): Promise<void> {
  const delegate = delegateOf(db, spec) as unknown as {
    findMany: (args: object) => Promise<Record<string, unknown>[]>;
    createMany: (args: object) => Promise<{ count: number }>;
  };
  const where = spec.key.length === 1 ? { [spec.key[0]]: { in: batch.map((p) => p.data[spec.key[0]]) } } : { OR: batch.map((p) => Object.fromEntries(spec.key.map((k) => [k, p.data[k]]))) };
  const select = Object.fromEntries(spec.key.map((k) => [k, true]));
  const present = new Set((await delegate.findMany({ where, select })).map((row) => keyText(spec, row)));
  const seen = new Set<string>();
  const fresh = batch.filter((p) => {
    const key = keyText(spec, p.data);
    const isNew = !present.has(key) && !seen.has(key);
    seen.add(key);
    return isNew;
  });
  summary.existing[spec.type] = (summary.existing[spec.type] ?? 0) + batch.length - fresh.length;
  if (dryRun || fresh.length === 0) {
    if (dryRun) summary.created[spec.type] = (summary.created[spec.type] ?? 0) + fresh.length;
    return;
  }
  try {
    const { count } = await delegate.createMany({ data: fresh.map((p) => p.data) });
    summary.created[spec.type] = (summary.created[spec.type] ?? 0) + count;
  } catch {
    // One bad row fails the whole batch: write them one by one to find it and keep the rest.
    for (const pending of fresh) {
      try {
        await delegate.createMany({ data: [pending.data] });
        summary.created[spec.type] = (summary.created[spec.type] ?? 0) + 1;
      } catch (error) {
        summary.problems.push({ line: pending.line, type: spec.type, key: keyText(spec, pending.data), reason: refusal(error) });
      }
    }
  }
}

/** The database's refusal in a line a person can act on. */
function refusal(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "P2003") return "points to a record that is not there (or not imported)";
  if (code === "P2002") return "another record already has one of its unique values";
  return (error as Error).message.split("\n").filter(Boolean).at(-1) ?? "refused by the database";
}

export type ImportOptions = { dryRun?: boolean; onProgress?: (lines: number, bytes: number) => void };

/** Imports the file at `path`; the summary counts what was created and lists what was not. */
export async function importDeptFile(db: Db, path: string, { dryRun = false, onProgress }: ImportOptions = {}): Promise<ImportSummary> {
  const summary: ImportSummary = { created: {}, existing: {}, problems: [], lines: 0 };
  const input = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let secrets = false;
  let batch: Pending[] = [];
  let batchSpec: RecordSpec | undefined;
  let batchChars = 0;
  const flush = async () => {
    if (batchSpec && batch.length > 0) await writeBatch(db, batchSpec, batch, summary, dryRun);
    batch = [];
    batchChars = 0;
  };
  let n = 0;
  try {
    for await (const text of lines) {
      n++;
      if (text.trim() === "") continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(text) as Record<string, unknown>;
      } catch {
        if (n === 1) throw new ImportFileError(`${path} is not a Dept export: its first line is not JSON.`);
        summary.problems.push({ line: n, reason: "not a JSON object" });
        continue;
      }
      if (n === 1) {
        if (record.format !== FORMAT) throw new ImportFileError(`${path} is not a Dept export (its first line names no "${FORMAT}").`);
        if (record.version !== FORMAT_VERSION) throw new ImportFileError(`${path} is version ${String(record.version)} of the format; this Dept reads version ${FORMAT_VERSION}.`);
        secrets = record.secrets === true;
        continue;
      }
      const spec = typeof record?.type === "string" ? recordSpec.get(record.type) : undefined;
      if (!spec) {
        summary.problems.push({ line: n, type: String(record?.type), reason: "unknown record type" });
        continue;
      }
      const data = recordData(spec, record, secrets);
      if (typeof data === "string") {
        summary.problems.push({ line: n, type: spec.type, key: spec.key.map((k) => String(record[k])).join("/"), reason: data });
        continue;
      }
      if (spec !== batchSpec || batch.length >= BATCH_RECORDS || batchChars >= BATCH_CHARS) {
        await flush();
        batchSpec = spec;
      }
      batch.push({ line: n, data });
      batchChars += text.length;
      if (n % 1000 === 0) onProgress?.(n, input.bytesRead);
    }
    await flush();
  } finally {
    lines.close();
    input.destroy();
  }
  summary.lines = n;
  summary.problems.sort((a, b) => a.line - b.line);
  onProgress?.(n, input.bytesRead);
  return summary;
}

/** The file as a whole cannot be imported (not an export, another version): nothing was written. */
export class ImportFileError extends Error {}
