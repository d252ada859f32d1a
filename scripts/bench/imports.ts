// `npm run bench -- --import`: a generated WordPress archive of 100,000 comments (BENCH_IMPORT_POSTS
// × BENCH_IMPORT_COMMENTS) imported with `npm run import -- wordpress` under a 256 MB heap (or
// BENCH_IMPORT_HEAP_MB), then exported with `npm run export` and the export imported into a
// second empty database, each under the same cap: the time, the rate and the peak resident
// memory of each step, and whether the rows and the counts add up. The commands run as an
// operator runs them, in processes of their own, so the memory is theirs alone.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { createDb } from "../../lib/db";
import { migrateDatabase } from "../../prisma/migrate/deploy";
import { createTestDatabase, type TestDatabase } from "../test-database";
import { writeWxr } from "./wxr";

const root = path.resolve(import.meta.dirname, "..", "..");
// The heap each command may use (BENCH_IMPORT_HEAP_MB): a smaller one shows whether the peak
// is what the file needs or only what V8 lets itself keep before collecting.
const HEAP_MB = Number(process.env.BENCH_IMPORT_HEAP_MB ?? 256);

export type ImportStep = {
  step: string;
  records: number;
  seconds: number;
  perSecond: number;
  peakRssMiB: number;
  /** The heap in use after a full collection, a quarter of the way through the run and near its end. */
  retainedMiB: { quarter: number; end: number } | null;
  fileMiB: number;
  exitCode: number | null;
};
export type ImportBench = { comments: number; steps: ImportStep[]; checks: { commentsInDatabase: number; countsEqualRows: boolean; exportedTwiceIdentical: boolean } };

/** Runs a command of the repository under the heap cap; its wall time and its peak resident memory. */
async function measured(script: string, args: string[], env: NodeJS.ProcessEnv, heapLog: string): Promise<{ seconds: number; peakRssMiB: number; retainedMiB: ImportStep["retainedMiB"]; code: number | null; output: string }> {
  const started = process.hrtime.bigint();
  const node = [`--max-old-space-size=${HEAP_MB}`, "--expose-gc", "--import", pathToFileURL(path.join(import.meta.dirname, "retained-heap.mjs")).href, "--import", "tsx"];
  const child = spawn(process.execPath, [...node, path.join(root, script), ...args], { cwd: root, env: { ...env, BENCH_HEAP_LOG: heapLog }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  let peakKiB = 0;
  // VmHWM is the kernel's own high-water mark of the process's resident memory.
  const sample = () => {
    try {
      peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0));
    } catch {
      // The process has just ended.
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearInterval(timer);
  const samples = existsSync(heapLog) ? readFileSync(heapLog, "utf8").split("\n").filter(Boolean).map(Number) : [];
  const retainedMiB = samples.length >= 2 ? { quarter: samples[Math.floor((samples.length - 1) / 4)], end: samples[samples.length - 1] } : null;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMiB: Math.round(peakKiB / 1024), retainedMiB, code, output };
}

async function lines(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) n++;
  return n;
}

export async function benchImports(baseUrl: string): Promise<ImportBench> {
  const posts = Number(process.env.BENCH_IMPORT_POSTS ?? 200);
  const commentsPerPost = Number(process.env.BENCH_IMPORT_COMMENTS ?? 500);
  const comments = posts * commentsPerPost;
  const dir = mkdtempSync(path.join(tmpdir(), "dept-bench-import-"));
  const databases: TestDatabase[] = [];
  try {
    const wxr = path.join(dir, "archive.xml");
    console.log(`bench: writing a WordPress export of ${posts} posts × ${commentsPerPost} comments…`);
    const out = createWriteStream(wxr);
    await writeWxr(out, { posts, commentsPerPost });
    out.end();
    await finished(out);

    const first = await createTestDatabase(baseUrl, "bench-import");
    const second = await createTestDatabase(baseUrl, "bench-reimport");
    databases.push(first, second);
    await migrateDatabase(first.url);
    await migrateDatabase(second.url);
    const env = (url: string): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: url, NODE_ENV: "production" as const });
    const steps: ImportStep[] = [];
    const run = async (step: string, script: string, args: string[], url: string, file: string, records: () => Promise<number>) => {
      console.log(`bench: ${step}…`);
      const result = await measured(script, args, env(url), path.join(dir, `${steps.length}.heap`));
      if (result.code !== 0 && !(step.startsWith("import") && result.code === 1)) throw new Error(`${step} failed (exit ${result.code}):\n${result.output}`);
      const count = await records();
      steps.push({ step, records: count, seconds: Number(result.seconds.toFixed(1)), perSecond: Math.round(count / result.seconds), peakRssMiB: result.peakRssMiB, retainedMiB: result.retainedMiB, fileMiB: Number((statSync(file).size / 2 ** 20).toFixed(1)), exitCode: result.code });
    };
    const exported = path.join(dir, "site.jsonl");
    const again = path.join(dir, "again.jsonl");
    await run("import WordPress (WXR)", "scripts/import.ts", ["wordpress", wxr, "--report", path.join(dir, "wp-report.json")], first.url, wxr, async () => comments);
    await run("export (Dept JSON Lines)", "scripts/export.ts", [exported], first.url, exported, () => lines(exported).then((n) => n - 1));
    await run("import the export", "scripts/import.ts", ["dept", exported, "--report", path.join(dir, "dept-report.json")], second.url, exported, () => lines(exported).then((n) => n - 1));
    await run("export again", "scripts/export.ts", [again], second.url, again, () => lines(again).then((n) => n - 1));

    const db = createDb(first.url);
    try {
      const commentsInDatabase = await db.comment.count();
      const shown = await db.comment.count({ where: { status: { in: ["published", "hidden"] }, deletedAt: null } });
      const counted = (await db.article.aggregate({ _sum: { commentCount: true } }))._sum.commentCount ?? 0;
      const exportedTwiceIdentical = readFileSync(exported).equals(readFileSync(again));
      return { comments, steps, checks: { commentsInDatabase, countsEqualRows: shown === counted, exportedTwiceIdentical } };
    } finally {
      await db.$disconnect();
    }
  } finally {
    for (const database of databases) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printImportTable(bench: ImportBench): void {
  console.log(`\nImport and export of ${bench.comments.toLocaleString("en-US")} generated comments, each command under --max-old-space-size=${HEAP_MB}`);
  console.log("(retained: the heap in use after a full collection, a quarter of the way through the run → near its end; flat means bounded)");
  console.log(`${"step".padEnd(28)}${"records".padStart(10)}${"seconds".padStart(10)}${"per s".padStart(10)}${"peak RSS MiB".padStart(14)}${"retained MiB".padStart(16)}${"file MiB".padStart(10)}`);
  console.log("-".repeat(98));
  for (const s of bench.steps) {
    const retained = s.retainedMiB ? `${s.retainedMiB.quarter.toFixed(0)} → ${s.retainedMiB.end.toFixed(0)}` : "(run too short)";
    console.log(`${s.step.padEnd(28)}${String(s.records).padStart(10)}${s.seconds.toFixed(1).padStart(10)}${String(s.perSecond).padStart(10)}${String(s.peakRssMiB).padStart(14)}${retained.padStart(16)}${s.fileMiB.toFixed(1).padStart(10)}`);
  }
  const c = bench.checks;
  console.log(`Checks: ${c.commentsInDatabase} comments in the database; counts equal rows: ${c.countsEqualRows ? "yes" : "NO"}; export of the re-imported database identical: ${c.exportedTwiceIdentical ? "yes" : "NO"}`);
}
