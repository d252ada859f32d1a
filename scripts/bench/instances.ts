// `npm run bench -- --instances`: the same build and database served three ways, one after the
// other, under the same load: one instance (as `npm run bench`), two instances behind the
// repository's nginx site (deploy/nginx.conf) without its micro-cache, and the same with it.
// All three share one Redis (page cache, live discussion), so only the number of instances and
// the micro-cache change. Writes are checked as in the main benchmark: rows equal acknowledgements.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db";
import { NGINX, startNginx, type RunningNginx } from "../nginx";
import type { BenchArticle } from "./data";
import type { LoadResult, Scenario } from "./load";
import { load, settle, startServer, stop, waitUntilUp } from "./processes";

type Setup = { name: string; instances: number; nginx: "none" | "plain" | "micro-cache" };
const SETUPS: Setup[] = [
  { name: "one instance", instances: 1, nginx: "none" },
  { name: "two instances, nginx", instances: 2, nginx: "plain" },
  { name: "two instances, nginx micro-cache", instances: 2, nginx: "micro-cache" },
];

export type InstancesBenchInput = { db: Db; articles: BenchArticle[]; cookie: string; env: NodeJS.ProcessEnv; dist: string; port: number; seconds: number; connections: number };
export type InstancesRow = LoadResult & { setup: string; ratio: number; integrity?: { acknowledged: number; rows: number; exact: boolean } };

const root = path.resolve(import.meta.dirname, "..", "..");

export async function benchInstances({ db, articles, cookie, env, dist, port, seconds, connections }: InstancesBenchInput): Promise<InstancesRow[]> {
  if (!existsSync(NGINX)) throw new Error(`--instances needs nginx at ${NGINX} (Debian: apt-get install -y nginx libnginx-mod-http-brotli-filter)`);
  const [small, medium, large] = articles as [BenchArticle, BenchArticle, BenchArticle];
  const targets = await db.comment.findMany({ where: { articleId: large.id, depth: 0 }, select: { id: true }, orderBy: { createdAt: "asc" }, take: SETUPS.length });
  const redis = env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const rows: InstancesRow[] = [];
  for (const [index, setup] of SETUPS.entries()) {
    const front = setup.nginx === "none" ? port : port + 10;
    const base = `http://127.0.0.1:${front}`;
    // Behind nginx the load generator stands in for a proxy in front of it (scripts/nginx.ts,
    // "append"): two trusted hops, so each write keeps an address of its own.
    const serverEnv = { ...env, SITE_URL: base, REDIS_URL: redis, TRUST_PROXY: setup.nginx === "none" ? "1" : "2" };
    const servers: ChildProcess[] = [];
    let nginx: RunningNginx | undefined;
    try {
      for (let i = 0; i < setup.instances; i++) servers.push(startServer(port + i, serverEnv));
      for (let i = 0; i < setup.instances; i++) await waitUntilUp(`http://127.0.0.1:${port + i}`);
      if (setup.nginx !== "none") {
        nginx = await startNginx({ upstreams: servers.map((_, i) => port + i), port: front, staticDir: path.join(root, dist, "static"), microCache: setup.nginx === "micro-cache", forwardedFor: "append", workers: 1 });
      }
      const run = async (s: Omit<Scenario, "base" | "seconds" | "connections">, loadEnv?: Record<string, string>) => {
        console.log(`bench: ${setup.name}: ${s.name}…`);
        const result = await load({ base, seconds, connections, ...s }, loadEnv);
        const row: InstancesRow = { ...result, setup: setup.name, ratio: 1 };
        rows.push(row);
        return row;
      };
      await run({ name: "article, 34 comments, anonymous", kind: "get", path: `/articles/${small.slug}`, marker: small.title });
      await run({ name: "article, 34 comments, signed-in reader", kind: "signed-in", path: `/articles/${small.slug}`, viewerPath: `/api/viewer?article=${small.id}`, cookie, marker: small.title });
      const shown = (await db.article.findUniqueOrThrow({ where: { id: small.id }, select: { commentCount: true } })).commentCount;
      await run({ name: "reads while 20 comments/s are posted", kind: "mixed", path: `/articles/${small.slug}`, articleId: small.id, marker: small.title }, { BENCH_START_COUNT: String(shown) });

      const postedBefore = await db.comment.count({ where: { articleId: medium.id } });
      const posting = await run({ name: "posting a comment", kind: "post-comment", path: "/api/comments", articleId: medium.id, marker: '"status":"published"' });
      await settle();
      const posted = (await db.comment.count({ where: { articleId: medium.id } })) - postedBefore;
      posting.integrity = { acknowledged: posting.ok, rows: posted, exact: posted >= posting.ok };

      const target = targets[index];
      const votesBefore = await db.vote.count({ where: { commentId: target.id, kind: "insightful" } });
      const counterBefore = (await db.comment.findUniqueOrThrow({ where: { id: target.id }, select: { insightfulCount: true } })).insightfulCount;
      const rating = await run({ name: "rating a comment", kind: "rate", path: `/api/comments/${target.id}/rating`, marker: '"on":true' });
      await settle();
      const votes = (await db.vote.count({ where: { commentId: target.id, kind: "insightful" } })) - votesBefore;
      const counter = (await db.comment.findUniqueOrThrow({ where: { id: target.id }, select: { insightfulCount: true } })).insightfulCount;
      // Every acknowledged vote is stored, and the counter grew by exactly the rows.
      rating.integrity = { acknowledged: rating.ok, rows: votes, exact: votes >= rating.ok && counter - counterBefore === votes };
    } finally {
      await nginx?.stop();
      for (const server of servers) await stop(server);
    }
  }
  for (const row of rows) {
    const single = rows.find((r) => r.setup === SETUPS[0].name && r.name === row.name);
    row.ratio = single && single.perSecond > 0 ? row.perSecond / single.perSecond : 0;
  }
  return rows;
}

/** The scenarios as rows, the three setups side by side, with each one's ratio to one instance. */
export function printInstancesTable(rows: InstancesRow[]): void {
  const pad = (s: string, n: number, right = true) => (right ? s.padStart(n) : s.padEnd(n));
  const names = [...new Set(rows.map((r) => r.name))];
  const head = `${pad("scenario (req/s, × one instance, p99 ms)", 42, false)}${SETUPS.map((s) => pad(s.name, 34)).join("")}`;
  console.log(`\n${head}\n${"-".repeat(head.length)}`);
  for (const name of names) {
    const cells = SETUPS.map((setup) => {
      const r = rows.find((row) => row.setup === setup.name && row.name === name);
      if (!r) return pad("-", 34);
      const errors = r.errors ? ` err ${r.errors}` : "";
      return pad(`${r.perSecond.toFixed(0)} ×${r.ratio.toFixed(2)} p99 ${r.p99}${errors}`, 34);
    });
    console.log(`${pad(name, 42, false)}${cells.join("")}`);
  }
  for (const r of rows.filter((row) => row.maxBehind !== undefined)) console.log(`${r.setup}: reads while posting: writes ${r.writes}, max ${r.maxBehind} behind, ${r.readsBehindMoreThanOne} reads >1 behind`);
  for (const r of rows.filter((row) => row.integrity)) console.log(`${r.setup}: ${r.name}: ${JSON.stringify(r.integrity)}${r.errors ? ` failures ${JSON.stringify(r.failures)}` : ""}`);
}
