// `npm run bench`: builds the production app, gives it a database of its own with discussions of
// 34, 500 and 5,000 comments, starts it, and loads it from a second process (autocannon), one
// scenario at a time. Prints a table and writes the same figures to bench/results/<time>.json.
// Every read scenario is also given as a ratio to a static page of the same HTML size served by
// the same server (scripts/serve.mjs): absolute numbers vary between machines, the ratio much less.
// Before the load, Chromium opens the front page and the 34-comment article (scripts/bench/browser.ts):
// requests per page view, DOM size, JavaScript, Lighthouse's mobile TBT (BENCH_LIGHTHOUSE=0 skips it).
// With `-- --instances` it compares one instance with two behind nginx instead (scripts/bench/instances.ts).
import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createDb } from "../lib/db";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { seedDemo } from "../prisma/seed";
import { measureBrowser, printBrowserTable } from "./bench/browser";
import { createBenchArticles, type BenchArticle } from "./bench/data";
import { benchImports, printImportTable } from "./bench/imports";
import { benchInstances, printInstancesTable } from "./bench/instances";
import type { LoadResult, Scenario } from "./bench/load";
import { load, settle, startServer as startBenchServer, stop, waitUntilUp as waitForServer } from "./bench/processes";
import { printTable, type Row } from "./bench/report";
import { createTestDatabase } from "./test-database";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
// BENCH_PORT and BENCH_DIST let two benchmarks run side by side without sharing a build or a file.
const DIST = process.env.BENCH_DIST ?? (PORT === 3300 ? ".next-bench" : `.next-bench-${PORT}`);
// `npm run bench -- --instances`: one instance vs two behind nginx, without and with its micro-cache.
const INSTANCES = process.argv.includes("--instances");
// `npm run bench -- --import`: 100,000 comments through the import and export commands (scripts/bench/imports.ts).
const IMPORTS = process.argv.includes("--import");
const REFERENCE_NAME = PORT === 3300 ? "bench-reference.html" : `bench-reference-${PORT}.html`;
const REFERENCE = path.join(root, "public", REFERENCE_NAME);

const startServer = (env: NodeJS.ProcessEnv) => startBenchServer(PORT, env);
const waitUntilUp = () => waitForServer(BASE);

/** Resident memory of the server and its children, in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const kib = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
  let total = 0;
  for (const p of [pid, ...children]) {
    try {
      total += kib(p);
    } catch {
      // exited meanwhile
    }
  }
  return total / 1024;
}

const engineOf = (url: string) => (url.startsWith("file:") ? "sqlite" : "postgres");

/** bench/results/<time>[-kind].json */
function writeResults(kind: string, figures: object): void {
  const outDir = path.join(root, "bench", "results");
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, "-")}${kind ? `-${kind}` : ""}.json`);
  writeFileSync(file, JSON.stringify(figures, null, 2));
  console.log(`bench: wrote ${path.relative(root, file)}`);
}

/** The article page's JavaScript as a browser downloads it, gzipped. */
async function pageScriptKiB(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  // `nomodule` scripts (Next's polyfills for browsers without modules) are never fetched by a
  // browser that runs the page's modules: not counted.
  const sources = [...html.matchAll(/<script([^>]+)>/g)].filter((m) => !/\snoModule/i.test(m[1])).flatMap((m) => /src="([^"]+)"/.exec(m[1])?.[1] ?? []);
  let bytes = 0;
  for (const src of new Set(sources)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer())).length;
  return bytes / 1024;
}

async function main() {
  const baseUrl = process.env.DATABASE_URL ?? "file:./data/dept.db";
  if (IMPORTS) {
    const bench = await benchImports(baseUrl);
    printImportTable(bench);
    writeResults("import", { database: engineOf(baseUrl), ...bench });
    return;
  }
  const database = await createTestDatabase(baseUrl, "bench");
  // Scripts share lib/ with the app: point it at the benchmark's database before first use.
  process.env.DATABASE_URL = database.url;
  let server: ChildProcess | undefined;
  try {
    console.log(`bench: database ${database.url.startsWith("file:") ? "SQLite" : "PostgreSQL"}; preparing content…`);
    await migrateDatabase(database.url);
    const db = createDb(database.url);
    await seedDemo(db);
    const articles = await createBenchArticles(db);
    const [small, medium, large] = articles as [BenchArticle, BenchArticle, BenchArticle];
    const reader = await db.user.findFirstOrThrow({ where: { role: "reader", deletedAt: null }, select: { id: true } });
    const { startSession, sessionCookieName } = await import("../lib/auth/session");
    const cookie = `${sessionCookieName(BASE)}=${await startSession(reader.id)}`;

    const env = { ...process.env, DATABASE_URL: database.url, DEPT_DIST_DIR: DIST, SITE_URL: BASE, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
    if (process.env.BENCH_SKIP_BUILD !== "1") {
      console.log("bench: building the production app…");
      const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, env, stdio: "inherit" });
      if (build.status !== 0) throw new Error("next build failed");
    }

    // Pages cached by an earlier run show that run's database: start from none.
    rmSync(path.join(root, DIST, "server", "route-cache"), { recursive: true, force: true });
    if (INSTANCES) {
      const rows = await benchInstances({ db, articles, cookie, env, dist: DIST, port: PORT, seconds: SECONDS, connections: CONNECTIONS });
      printInstancesTable(rows);
      writeResults("instances", { database: engineOf(database.url), seconds: SECONDS, connections: CONNECTIONS, rows });
      await db.$disconnect();
      return;
    }
    // First start: measure the 34-comment page, to make the static reference the same size.
    server = startServer(env);
    await waitUntilUp();
    const smallHtml = await (await fetch(`${BASE}/articles/${small.slug}`)).text();
    const sizes = await Promise.all(articles.map(async (a) => (await (await fetch(`${BASE}/articles/${a.slug}`)).text()).length));
    // Page views in Chromium, on this first server: before the load runs, so neither disturbs the other.
    console.log("bench: page views in Chromium…");
    const browser = await measureBrowser(BASE, [{ name: "front page", path: "/" }, { name: `article, ${small.comments} comments`, path: `/articles/${small.slug}` }]);
    await stop(server);
    mkdirSync(path.dirname(REFERENCE), { recursive: true });
    const filler = "<p>static reference</p>";
    writeFileSync(REFERENCE, `<!doctype html><title>bench-reference</title>${filler.repeat(Math.ceil(smallHtml.length / filler.length))}`);

    server = startServer(env);
    await waitUntilUp();
    // The highest resident memory seen while each scenario ran (which load the peak belongs to);
    // the run's peak is the highest of them.
    const peaks: Record<string, number> = {};
    let scenarioPeak = 0;
    const sampler = setInterval(() => (scenarioPeak = Math.max(scenarioPeak, rssMiB(server!.pid!))), 250);
    const scenario = (s: Omit<Scenario, "base" | "seconds" | "connections">): Scenario => ({ base: BASE, seconds: SECONDS, connections: CONNECTIONS, ...s });
    const results: LoadResult[] = [];
    const run = async (s: Scenario, env?: Record<string, string>) => {
      console.log(`bench: ${s.name}…`);
      scenarioPeak = rssMiB(server!.pid!);
      const r = await load(s, env);
      peaks[s.name] = Math.round(Math.max(scenarioPeak, rssMiB(server!.pid!)));
      results.push(r);
      return r;
    };

    const reference = await run(scenario({ name: "static reference (same size)", kind: "get", path: `/${REFERENCE_NAME}`, marker: "bench-reference" }));
    // What any request that Next itself answers costs at least: a route handler returning a
    // constant (the liveness probe). Pages sent from the server's copies do not reach Next; the
    // viewer's state and every write do, so this bounds them.
    await run(scenario({ name: "Next floor: a route answering a constant", kind: "get", path: "/api/health?probe=live", marker: '"live"' }));
    for (const a of articles) await run(scenario({ name: `article, ${a.comments} comments, anonymous`, kind: "get", path: `/articles/${a.slug}`, marker: a.title }));
    await run(scenario({ name: "article, 34 comments, signed-in reader", kind: "signed-in", path: `/articles/${small.slug}`, viewerPath: `/api/viewer?article=${small.id}`, cookie, marker: small.title }));
    await run(scenario({ name: "home page", kind: "get", path: "/", marker: "Latest" }));
    await run(scenario({ name: "RSS feed", kind: "get", path: "/feed.xml", marker: "<rss" }));
    const before = await db.article.findUniqueOrThrow({ where: { id: small.id }, select: { commentCount: true } });
    await run(scenario({ name: "mixed: reads while 20 comments/s are posted", kind: "mixed", path: `/articles/${small.slug}`, articleId: small.id, marker: small.title }), { BENCH_START_COUNT: String(before.commentCount) });

    // Writes, then the database is checked: no comment or vote lost or counted twice.
    const postedBefore = await db.comment.count({ where: { articleId: medium.id } });
    const posting = await run(scenario({ name: "posting a comment", kind: "post-comment", path: "/api/comments", articleId: medium.id, marker: '"status":"published"' }));
    await settle();
    const postedRows = (await db.comment.count({ where: { articleId: medium.id } })) - postedBefore;
    const postedCount = (await db.article.findUniqueOrThrow({ where: { id: medium.id }, select: { commentCount: true } })).commentCount;
    const target = await db.comment.findFirstOrThrow({ where: { articleId: large.id, depth: 0 }, select: { id: true, insightfulCount: true } });
    const rating = await run(scenario({ name: "rating a comment", kind: "rate", path: `/api/comments/${target.id}/rating`, marker: '"on":true' }));
    await settle();
    const votes = await db.vote.count({ where: { commentId: target.id, kind: "insightful" } });
    const counter = (await db.comment.findUniqueOrThrow({ where: { id: target.id }, select: { insightfulCount: true } })).insightfulCount;

    // The machine's speed drifts over a run (other tenants, heat): the static file is measured
    // again at the end, every ratio is to the mean of the two, and both are printed.
    const referenceAgain = await run(scenario({ name: "static reference, again at the end", kind: "get", path: `/${REFERENCE_NAME}`, marker: "bench-reference" }));
    const referencePerSecond = (reference.perSecond + referenceAgain.perSecond) / 2;

    clearInterval(sampler);
    const peak = Math.max(...Object.values(peaks));
    const scriptKiB = await pageScriptKiB(`${BASE}/articles/${small.slug}`);
    const integrity = {
      // Every acknowledged write is stored (answers cut off at the end of the run may be stored
      // too), and each counter equals the rows it counts.
      posting: { acknowledged: posting.ok, rows: postedRows, articleCountGrowth: postedCount - medium.comments, exact: postedRows >= posting.ok && postedCount - medium.comments === postedRows },
      rating: { acknowledged: rating.ok, rows: votes, counterGrowth: counter - target.insightfulCount, exact: votes >= rating.ok && counter - target.insightfulCount === votes },
    };
    const rows: Row[] = results.map((r) => ({ ...r, ratio: r.name.startsWith("static") ? null : r.perSecond / referencePerSecond }));
    printTable(rows);
    printBrowserTable(browser);
    console.log(`\nHTML size: ${articles.map((a, i) => `${a.comments} comments ${(sizes[i] / 1024).toFixed(0)} KiB`).join(", ")}`);
    console.log(`Article page JavaScript: ${scriptKiB.toFixed(1)} KiB gzipped`);
    console.log(`Server peak RSS: ${peak.toFixed(0)} MiB (by scenario: ${Object.entries(peaks).map(([name, mib]) => `${name} ${mib}`).join("; ")})`);
    console.log(`Writes checked: posting ${JSON.stringify(integrity.posting)}; rating ${JSON.stringify(integrity.rating)}`);
    writeResults("", { database: engineOf(database.url), seconds: SECONDS, connections: CONNECTIONS, results: rows, htmlBytes: Object.fromEntries(articles.map((a, i) => [a.comments, sizes[i]])), scriptKiB, peakRssMiB: peak, peakRssMiBByScenario: peaks, integrity, browser });
    await db.$disconnect();
  } finally {
    if (server) await stop(server);
    rmSync(REFERENCE, { force: true });
    try {
      rmdirSync(path.dirname(REFERENCE)); // only when the benchmark made it and left it empty
    } catch {
      // not empty, or not there
    }
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
