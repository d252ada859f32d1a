import type { LoadResult } from "./load";

export type Row = LoadResult & { ratio: number | null };

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

/** The benchmark's table: one line per scenario. */
/** Reads as a share of the static file; writes (the issue's targets) as a multiple of it. */
function ratioText(r: Row): string {
  if (r.ratio === null) return "";
  return r.name.startsWith("posting") || r.name.startsWith("rating") ? `${r.ratio.toFixed(2)}×` : `${(r.ratio * 100).toFixed(0)}%`;
}

export function printTable(rows: Row[]): void {
  const head = `${pad("scenario", 48)}${pad("req/s", 9, true)}${pad("p50 ms", 8, true)}${pad("p99 ms", 8, true)}${pad("errors", 8, true)}${pad("× static", 10, true)}`;
  console.log(`\n${head}\n${"-".repeat(head.length)}`);
  for (const r of rows) {
    const behind = r.maxBehind !== undefined ? `  (writes ${r.writes}, max ${r.maxBehind} behind, ${r.readsBehindMoreThanOne} reads >1 behind)` : "";
    const failed = r.errors ? `  [${Object.entries(r.failures).map(([k, n]) => `${k}: ${n}`).join(", ")}]` : "";
    const extra = behind + failed;
    console.log(
      `${pad(r.name, 48)}${pad(r.perSecond.toFixed(0), 9, true)}${pad(String(r.p50), 8, true)}${pad(String(r.p99), 8, true)}${pad(String(r.errors), 8, true)}${pad(ratioText(r), 10, true)}${extra}`,
    );
  }
}
