// GET /api/health on an instance with a database of its own: ready (200) while the database
// answers, 503 while it cannot be reached, 200 again once it is back, without a restart; the
// liveness probe stays 200 throughout, so an orchestrator takes the instance out of rotation
// instead of restarting it.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect } from "@playwright/test";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { test } from "./fixtures";
import { removeInstanceFolder, startInstance, type Instance } from "./instances";

test.describe.configure({ timeout: 90_000 });

const runUrl = process.env.DATABASE_URL ?? "";
const isPostgres = /^postgres(ql)?:\/\//.test(runUrl);

type Health = { status: number; body: { status?: string; checks?: Record<string, string> }; cacheControl: string | null };
async function health(instance: Instance, query = ""): Promise<Health> {
  const response = await fetch(`${instance.url}/api/health${query}`);
  return { status: response.status, body: await response.json(), cacheControl: response.headers.get("cache-control") };
}

/** Runs one statement on the PostgreSQL server's maintenance database. */
async function onServer(sql: string): Promise<void> {
  const u = new URL(runUrl);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

test("PostgreSQL: 503 while the instance's database refuses connections, 200 again after, liveness 200 throughout", async () => {
  test.skip(!isPostgres, "the PostgreSQL half; the SQLite half is the next test");
  const name = `dept_health_${randomBytes(4).toString("hex")}`;
  const u = new URL(runUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrateDatabase(url); // creates the database, then migrates it
  const instance = await startInstance({ env: { DATABASE_URL: url, LOG_LEVEL: "warn" } });
  try {
    const ready = await health(instance);
    expect(ready).toEqual({ status: 200, body: { status: "ready", checks: { database: "ok", migrations: "applied", redis: "off" } }, cacheControl: "no-store" });

    // The database goes away: no new connection is allowed and the open ones are cut.
    await onServer(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    const down = await health(instance);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe("unready");
    expect(down.body.checks?.database).toBe("down");
    expect(down.cacheControl).toBe("no-store");
    // Nothing of the failure's detail (the database's name, the host) reaches the answer.
    expect(JSON.stringify(down.body)).not.toMatch(new RegExp(`${name}|127\\.0\\.0\\.1|postgres`, "i"));
    expect((await health(instance, "?probe=live")).status).toBe(200);

    await onServer(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await expect.poll(async () => (await health(instance)).status, { timeout: 15_000 }).toBe(200);
  } finally {
    await instance.stop();
    removeInstanceFolder(instance.folder);
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

test("SQLite: 503 while the database's folder is missing (a volume not mounted), 200 once it is there and migrated", async () => {
  test.skip(isPostgres, "the SQLite half; the PostgreSQL half is the previous test");
  // As root, file permissions do not stop SQLite from reading, and a file that is open keeps
  // being read after it is moved or deleted: a folder that is not there yet is the outage an
  // embedded database can honestly have.
  const dir = path.join(process.cwd(), "data", "test", `health-${randomBytes(4).toString("hex")}`);
  const url = `file:${path.join(dir, "dept.db")}`;
  const instance = await startInstance({ env: { DATABASE_URL: url, LOG_LEVEL: "warn", NOTIFICATIONS_SENDER: "off" } });
  try {
    const down = await health(instance);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: "unready", checks: { database: "down", migrations: "unknown", redis: "off" } });
    expect(JSON.stringify(down.body)).not.toMatch(/data\/|\.db|file:/);
    expect((await health(instance, "?probe=live")).status).toBe(200);

    mkdirSync(dir, { recursive: true });
    await migrateDatabase(url);
    await expect.poll(async () => (await health(instance)).status, { timeout: 15_000 }).toBe(200);
  } finally {
    await instance.stop();
    removeInstanceFolder(instance.folder);
    rmSync(dir, { recursive: true, force: true });
  }
});
