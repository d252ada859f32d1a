// One benchmark scenario, run in its own process (so the load generator never shares a CPU
// queue with the code that starts and watches the server): a warm-up, then the measured run,
// checking every response's status and a marker in its body. Prints its figures as JSON.
import autocannon, { type Request } from "autocannon";

export type Scenario = {
  name: string;
  base: string;
  kind: "get" | "signed-in" | "post-comment" | "rate" | "mixed";
  path: string;
  marker: string;
  cookie?: string;
  articleId?: string;
  viewerPath?: string;
  seconds: number;
  connections: number;
};

export type LoadResult = {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  ok: number;
  bytes: number;
  maxBehind?: number;
  readsBehindMoreThanOne?: number;
  writes?: number;
  // Failed responses by status (0: no answer or wrong body), so an error count can be explained.
  failures: Record<string, number>;
};

let serial = 0;
// Each write comes from its own address, as many readers would: per-address limits apply to
// people, and the benchmark measures the server, not one client hitting its own limit. Limits
// also count per network (IPv6 /64), and they outlast a scenario: each address is in a /64 of its
// own, under a prefix of this process's (one load process per scenario), so no two scenarios of a
// run share one.
const block = (process.pid & 0xffff).toString(16);
const nextIp = () => {
  const n = ++serial;
  return `fd00:${block}:${((n >> 16) & 0xffff).toString(16)}:${(n & 0xffff).toString(16)}::1`;
};

function requestsFor(s: Scenario, check: (status: number, body: string, context: Record<string, unknown>) => void): autocannon.Request[] {
  const onResponse = (status: number, body: string, context: object) => check(status, body, context as Record<string, unknown>);
  switch (s.kind) {
    case "get":
    case "mixed":
      return [{ method: "GET", path: s.path, onResponse, setupRequest: (r: Request, ctx: object) => ((ctx as Record<string, unknown>).sentAt = writesAcked, r) }];
    case "signed-in":
      return [
        { method: "GET", path: s.path, headers: { cookie: s.cookie! }, onResponse },
        { method: "GET", path: s.viewerPath!, headers: { cookie: s.cookie! }, onResponse: (status: number, body: string) => check(status, body.includes('"signedIn":true') ? s.marker : "", {}) },
      ];
    case "post-comment":
      return [
        {
          method: "POST",
          path: "/api/comments",
          onResponse,
          setupRequest: (r: Request) => {
            const n = ++serial;
            return {
              ...r,
              headers: { "content-type": "application/json", "x-forwarded-for": nextIp() },
              body: JSON.stringify({ articleId: s.articleId, body: `Benchmark comment number ${n}, ${process.pid}.`, anonEmail: `bench${n}@example.test` }),
            };
          },
        },
      ];
    case "rate":
      return [
        {
          method: "POST",
          path: s.path,
          onResponse,
          setupRequest: (r: Request) => ({
            ...r,
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: s.base, "x-forwarded-for": nextIp() },
            body: "control=insightful&on=1",
          }),
        },
      ];
  }
}

// Mixed load: comments posted at a steady rate while the page is read; each read says how many
// comments it shows, and is compared with the writes acknowledged before it was sent.
let writesAcked = 0;
async function writeSteadily(s: Scenario, perSecond: number, until: number): Promise<number> {
  const baseCount = writesAcked;
  let sent = 0;
  while (Date.now() < until) {
    const due = Math.floor(((Date.now() - (until - s.seconds * 1000)) / 1000) * perSecond);
    while (sent < due) {
      sent++;
      void fetch(`${s.base}/api/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": nextIp() },
        body: JSON.stringify({ articleId: s.articleId, body: `Mixed-load comment ${sent}, ${process.pid}.`, anonEmail: `mixed${sent}@example.test` }),
      }).then((r) => r.status === 201 && writesAcked++);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 500));
  return writesAcked - baseCount;
}

async function run(s: Scenario, seconds: number, measure: boolean): Promise<LoadResult> {
  let ok = 0;
  let errors = 0;
  const failures: Record<string, number> = {};
  let maxBehind = 0;
  let behindMoreThanOne = 0;
  const startCount = Number(process.env.BENCH_START_COUNT ?? 0);
  const check = (status: number, body: string, ctx: Record<string, unknown>) => {
    const good = status >= 200 && status < 300 && body.includes(s.marker);
    if (good) ok++;
    else {
      errors++;
      const key = status >= 200 && status < 300 ? "wrong body" : String(status);
      failures[key] = (failures[key] ?? 0) + 1;
    }
    if (s.kind === "mixed" && good) {
      const shown = Number(/(\d+) Comments?</.exec(body)?.[1] ?? NaN);
      const behind = startCount + Number(ctx.sentAt ?? 0) - shown;
      if (behind > maxBehind) maxBehind = behind;
      if (behind > 1) behindMoreThanOne++;
    }
  };
  const until = Date.now() + seconds * 1000;
  const writer = s.kind === "mixed" && measure ? writeSteadily({ ...s, seconds }, 20, until) : Promise.resolve(0);
  const result = await autocannon({ url: s.base, connections: s.connections, duration: seconds, requests: requestsFor(s, check) });
  const writes = await writer;
  const views = s.kind === "signed-in" ? 2 : 1;
  return {
    name: s.name,
    requests: result.requests.total / views,
    perSecond: result.requests.average / views,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: errors + result.errors + result.timeouts,
    ok,
    failures: { ...failures, ...(result.errors ? { "connection errors": result.errors } : {}), ...(result.timeouts ? { timeouts: result.timeouts } : {}) },
    bytes: result.throughput.total,
    ...(s.kind === "mixed" ? { maxBehind, readsBehindMoreThanOne: behindMoreThanOne, writes } : {}),
  };
}

async function main() {
  const scenario = JSON.parse(process.argv[2]) as Scenario;
  // The warm-up fills caches and JIT; the write scenarios skip it, so their row checks are exact.
  if (scenario.kind === "get" || scenario.kind === "signed-in") await run(scenario, 2, false);
  const result = await run(scenario, scenario.seconds, true);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
