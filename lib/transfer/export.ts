// Writes everything the site holds to a Dept export file (lib/transfer/format.ts), a page of rows
// at a time, so the export's memory does not grow with the site.
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Db } from "../db";
import { FORMAT, FORMAT_VERSION, RECORDS, type Header, type RecordSpec } from "./format";

const PAGE = 1000;

type Row = Record<string, unknown>;
type Delegate = { findMany: (args: object) => Promise<Row[]> };

export const delegateOf = (db: Db, spec: RecordSpec) => (db as unknown as Record<string, Delegate>)[spec.model];

/** The rows after `last` in the order (orderFirst…, key…): "a > last" over the columns in turn. */
function after(columns: string[], last: Row | undefined): object {
  if (!last) return {};
  return {
    OR: columns.map((column, n) => ({
      ...Object.fromEntries(columns.slice(0, n).map((c) => [c, last[c]])),
      [column]: { gt: last[column] },
    })),
  };
}

/** One record as its line in the file: its type, then its fields in the format's order. */
export function recordLine(spec: RecordSpec, row: Row, withSecrets: boolean): string {
  const record: Row = { type: spec.type };
  for (const [field, kind] of Object.entries(spec.fields)) {
    if (!withSecrets && spec.secret?.includes(field)) continue;
    const value = row[field] ?? null;
    record[field] = kind === "date" && value !== null ? (value as Date).toISOString() : value;
  }
  return `${JSON.stringify(record)}\n`;
}

export type ExportCounts = Record<string, number>;

/** Writes the file to `out` (which it does not close); returns the records written per type. */
export async function exportSite(db: Db, out: Writable, { withSecrets = false, onRecord }: { withSecrets?: boolean; onRecord?: () => void } = {}): Promise<ExportCounts> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const header: Header = { format: FORMAT, version: FORMAT_VERSION, secrets: withSecrets };
  await write(`${JSON.stringify(header)}\n`);
  const counts: ExportCounts = {};
  for (const spec of RECORDS) {
    const columns = [...(spec.orderFirst ?? []), ...spec.key];
    const select = Object.fromEntries(Object.keys(spec.fields).map((f) => [f, true]));
    const orderBy = columns.map((c) => ({ [c]: "asc" }));
    counts[spec.type] = 0;
    let last: Row | undefined;
    for (;;) {
      const rows = await delegateOf(db, spec).findMany({ where: after(columns, last), orderBy, select, take: PAGE });
      for (const row of rows) {
        await write(recordLine(spec, row, withSecrets));
        counts[spec.type]++;
        onRecord?.();
      }
      if (rows.length < PAGE) break;
      last = rows.at(-1);
    }
  }
  return counts;
}
