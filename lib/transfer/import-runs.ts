// The record of each `npm run import` (model ImportRun), written by the command line as it starts
// and ends, read by /admin/import.
import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb, type Db } from "../db";
import type { Problem } from "./import-dept";

export type ImportKind = "dept" | "wordpress" | "disqus";
export type ImportOutcome = {
  created: Record<string, number>;
  existing: Record<string, number>;
  skipped?: Record<string, number>;
  matched?: number;
  problems: Problem[];
  notes?: Problem[];
};

// The database keeps the first ones of each list; the report file keeps them all.
export const KEPT_PROBLEMS = 1000;

const total = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);

export async function startImportRun(db: Db, run: { kind: ImportKind; file: string; dryRun: boolean }): Promise<string> {
  return (await db.importRun.create({ data: run, select: { id: true } })).id;
}

export async function finishImportRun(db: Db, id: string, outcome: ImportOutcome, reportFile: string): Promise<void> {
  const report = {
    reportFile,
    created: outcome.created,
    existing: outcome.existing,
    skipped: outcome.skipped ?? {},
    matched: outcome.matched,
    problemCount: outcome.problems.length,
    noteCount: outcome.notes?.length ?? 0,
    problems: outcome.problems.slice(0, KEPT_PROBLEMS),
    notes: (outcome.notes ?? []).slice(0, KEPT_PROBLEMS),
  };
  await db.importRun.update({
    where: { id },
    data: { finishedAt: new Date(), created: total(outcome.created), existing: total(outcome.existing), problems: outcome.problems.length, report: JSON.stringify(report) },
  });
}

export type ImportRunRow = { id: string; kind: string; file: string; dryRun: boolean; startedAt: Date; finishedAt: Date | null; created: number; existing: number; problems: number };
export type ImportReport = {
  reportFile?: string;
  created: Record<string, number>;
  existing: Record<string, number>;
  skipped: Record<string, number>;
  matched?: number;
  problemCount: number;
  noteCount: number;
  problems: Problem[];
  notes: Problem[];
};

const rowSelect = { id: true, kind: true, file: true, dryRun: true, startedAt: true, finishedAt: true, created: true, existing: true, problems: true } as const;

/** The latest runs first. Administrators only. */
export async function listImportRuns(viewer: Viewer | null, take = 50): Promise<ImportRunRow[]> {
  requireRole(viewer, "admin", "This page is for administrators.");
  return getDb().importRun.findMany({ orderBy: { startedAt: "desc" }, take, select: rowSelect });
}

/** One run with its report, or null. Administrators only. */
export async function getImportRun(viewer: Viewer | null, id: string): Promise<(ImportRunRow & { report: ImportReport | null }) | null> {
  requireRole(viewer, "admin", "This page is for administrators.");
  const row = await getDb().importRun.findUnique({ where: { id }, select: { ...rowSelect, report: true } });
  if (!row) return null;
  const { report, ...rest } = row;
  return { ...rest, report: row.finishedAt ? (JSON.parse(report) as ImportReport) : null };
}
