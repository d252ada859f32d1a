// GET /api/health on a real database of each engine: ready when migrated, not ready when the
// database is empty, behind the build's migrations, recording a failed one, or unreachable, and
// when Redis does not answer; the answer never carries an address or an error text.
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createDb, getDb } from "@/lib/db";
import { databaseKind } from "@/lib/env";
import { shippedMigrations } from "@/lib/health/migrations";
import { checkReadiness } from "@/lib/health/readiness";
import { closeHealthRedis, pingRedis } from "@/lib/health/redis-ping";
import { createTestDatabase } from "../../scripts/test-database";

const kind = databaseKind();
const migrations = shippedMigrations(kind);
const get = (query = "") => GET(new Request(`http://localhost/api/health${query}`));

afterAll(async () => {
  await closeHealthRedis();
});

describe("GET /api/health", () => {
  it("answers 200 ready on a migrated database, uncached, naming no host, URL or error", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "ready", checks: { database: "ok", migrations: "applied", redis: "off" } });
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|postgres|file:|redis:|data\//i);
  });

  it("answers the liveness probe without asking the database", async () => {
    const response = await get("?probe=live");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "live" });
  });
});

describe("readiness", () => {
  const db = getDb();

  it("is not ready while the build has a migration the database lacks", async () => {
    const result = await checkReadiness({ db, migrations: [...migrations, "29991231000000_not_yet_applied"] });
    expect(result).toEqual({ status: "unready", checks: { database: "ok", migrations: "pending", redis: "off" } });
  });

  it("is not ready while the database records a migration that failed", async () => {
    const id = "health-test-failed-row";
    await db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('${id}', 'x', '29991231000000_broken', CURRENT_TIMESTAMP, 0)`,
    );
    try {
      expect((await checkReadiness({ db, migrations })).checks.migrations).toBe("failed");
    } finally {
      await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE id = '${id}'`);
    }
    expect((await checkReadiness({ db, migrations })).status).toBe("ready");
  });

  it("is not ready on a reachable database that was never migrated", async () => {
    const empty = await createTestDatabase(process.env.DEPT_TEST_BASE_DATABASE_URL!, "health_empty");
    const client = createDb(empty.url);
    try {
      expect(await checkReadiness({ db: client, migrations })).toEqual({ status: "unready", checks: { database: "ok", migrations: "pending", redis: "off" } });
    } finally {
      await client.$disconnect();
      await empty.drop();
    }
  });

  it("is not ready when the database cannot be reached", async () => {
    const url = kind === "postgres" ? "postgresql://postgres@127.0.0.1:1/nowhere" : "file:/nonexistent-health-dir/none.db";
    const client = createDb(url);
    try {
      const result = await checkReadiness({ db: client, migrations, timeoutMs: 1_500 });
      expect(result.status).toBe("unready");
      expect(["down", "timeout"]).toContain(result.checks.database);
      expect(result.checks.migrations).toBe("unknown");
    } finally {
      await client.$disconnect().catch(() => {});
    }
  });

  it("gives up on a dependency that never answers, within the bound", async () => {
    // The bound applies to every check: it must leave the real database room to answer on a busy
    // machine (100 ms did not, once, on PostgreSQL under a loaded CI), so only Redis times out.
    const result = await checkReadiness({ db, migrations, pingRedis: () => new Promise(() => {}), timeoutMs: 1_500 });
    expect(result).toEqual({ status: "unready", checks: { database: "ok", migrations: "applied", redis: "timeout" } });
  });

  it("is ready with Redis answering, and not when Redis is not there", async () => {
    const up = await checkReadiness({ db, migrations, pingRedis: () => pingRedis("redis://127.0.0.1:6379") });
    expect(up).toEqual({ status: "ready", checks: { database: "ok", migrations: "applied", redis: "ok" } });
    const down = await checkReadiness({ db, migrations, pingRedis: () => pingRedis("redis://127.0.0.1:1"), timeoutMs: 1_000 });
    expect(down.status).toBe("unready");
    expect(["down", "timeout"]).toContain(down.checks.redis);
  });
});
