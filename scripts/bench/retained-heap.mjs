// Loaded (--import) into each command the import benchmark runs, with --expose-gc: every few
// seconds it collects all garbage and writes down the heap still in use, in MiB, to the file
// BENCH_HEAP_LOG names. Peak RSS says how much memory a run took; this says whether what it
// keeps grows with the file (a leak) or stays flat (bounded), which peak RSS alone cannot.
import { appendFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.BENCH_HEAP_LOG;
if (file && isMainThread && typeof globalThis.gc === "function") {
  setInterval(() => {
    globalThis.gc();
    appendFileSync(file, `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)}\n`);
  }, 2000).unref();
}
