// What GET /api/health reports. Liveness: the process answers. Readiness: it can serve, i.e. the
// database answers, has every migration this build expects, and Redis answers when REDIS_URL is
// set. Each check is bounded by a timeout so a hung dependency makes a slow "no", never a hung
// probe. Results are words, never error messages: those can name hosts, users or paths.
import "server-only";
import type { Db } from "../db";
import { migrationState, type MigrationState } from "./migrations";

export type CheckResult = "ok" | "down" | "timeout";
export type Readiness = {
  status: "ready" | "unready";
  checks: { database: CheckResult; migrations: MigrationState | "unknown"; redis: CheckResult | "off" };
};

/** Long enough for a busy database, short against a load balancer's probe interval. */
export const CHECK_TIMEOUT_MS = 2_000;

type Outcome<T> = { ok: true; value: T } | { ok: false; result: "down" | "timeout" };

async function bounded<T>(work: () => Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, result: "timeout" }), timeoutMs);
  });
  const done = work().then(
    (value): Outcome<T> => ({ ok: true, value }),
    (): Outcome<T> => ({ ok: false, result: "down" }),
  );
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type ReadinessInput = {
  db: Db;
  migrations: string[];
  /** Pings Redis; absent when REDIS_URL is not set. */
  pingRedis?: () => Promise<unknown>;
  timeoutMs?: number;
};

export async function checkReadiness({ db, migrations, pingRedis, timeoutMs = CHECK_TIMEOUT_MS }: ReadinessInput): Promise<Readiness> {
  const [database, redis] = await Promise.all([
    bounded(async () => {
      await db.$queryRawUnsafe("SELECT 1");
      // Reachable, but with no bookkeeping table: nothing was ever applied.
      return migrationState(db, migrations).catch((): MigrationState => "pending");
    }, timeoutMs),
    pingRedis ? bounded(pingRedis, timeoutMs) : Promise.resolve(null),
  ]);
  const checks: Readiness["checks"] = {
    database: database.ok ? "ok" : database.result,
    migrations: database.ok ? database.value : "unknown",
    redis: redis === null ? "off" : redis.ok ? "ok" : redis.result,
  };
  const ready = checks.database === "ok" && checks.migrations === "applied" && (checks.redis === "ok" || checks.redis === "off");
  return { status: ready ? "ready" : "unready", checks };
}
