// The one Prisma client. Both providers' clients are generated at build time from the same
// models, so one build serves SQLite or PostgreSQL; DATABASE_URL picks one at run time.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { databaseKind, env, sqliteFilePath } from "./env";
import { onShutdown } from "./server/shutdown";
import { keepStatements } from "./sqlite-statements";
import type { Database as BetterSqlite3Database } from "better-sqlite3";

// The two generated clients have identical model APIs; the SQLite one's type stands for both.
export type Db = SqliteClient;

/** The client inside an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A write refused by a unique index (Prisma's P2002): the other of two racing writes won. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

// A burst of requests (dozens of votes at once) can hold every pooled connection for a moment:
// a transaction then waits its turn for a while rather than failing with a 500 after Prisma's
// default two seconds.
const transactionOptions = { maxWait: 15_000, timeout: 15_000 };

/** Hears each statement a client sends (Prisma's query event; a transaction's BEGIN is not reported, its COMMIT is). */
export type QueryListener = (sql: string) => void;

function createClient(url: string, onQuery?: QueryListener): Db {
  const log = onQuery ? { log: [{ emit: "event" as const, level: "query" as const }] } : {};
  let client: Db;
  if (databaseKind(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    client = new PostgresClient({ adapter, transactionOptions, ...log }) as unknown as Db;
  } else {
    // better-sqlite3 waits up to `timeout` ms on a locked database instead of failing at once.
    const adapter = beginImmediate(new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5000 }));
    client = new SqliteClient({ adapter, transactionOptions, ...log });
  }
  if (onQuery) (client as unknown as { $on: (event: "query", cb: (e: { query: string }) => void) => void }).$on("query", (e) => onQuery(e.query));
  return client;
}

/**
 * SQLite transactions begin IMMEDIATE, taking the write lock at the start. A plain (deferred)
 * BEGIN reads from a snapshot and asks for the lock only at its first write; if another process
 * wrote in between (`npm run admin` or `newsletter:send` beside the running site), that write
 * fails at once with SQLITE_BUSY and no waiting helps. Taken at BEGIN, the lock is waited for
 * (the busy timeout above) like any other. Within one process the adapter already runs
 * transactions one at a time, so nothing is lost there.
 */
function beginImmediate(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // The adapter issues its BEGIN through the connection's prepare (adapter 7.10), which also
    // keeps compiled statements from now on (lib/sqlite-statements.ts).
    const client = (adapter as unknown as { client: BetterSqlite3Database }).client;
    keepStatements(client, (sql) => (sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql));
    return adapter;
  };
  return factory;
}

const globalForDb = globalThis as unknown as { deptDb?: { url: string; client: Db } };

/** The shared client for the configured database (reused across hot reloads in development). */
export function getDb(): Db {
  const url = env().DATABASE_URL;
  if (globalForDb.deptDb?.url !== url) {
    const client = createClient(url);
    globalForDb.deptDb = { url, client };
    // Closed once the server has finished its last request (scripts/serve.mjs).
    onShutdown("database", () => client.$disconnect());
  }
  return globalForDb.deptDb.client;
}

/**
 * Makes `client` the one getDb() returns until the returned function is called: for tests that
 * watch what the site's own code sends (tests/support/watch-queries.ts).
 */
export function replaceDb(client: Db): () => void {
  const previous = globalForDb.deptDb;
  globalForDb.deptDb = { url: env().DATABASE_URL, client };
  return () => {
    globalForDb.deptDb = previous;
  };
}

/** A client for another database (tests, scripts); the caller disconnects it. */
export function createDb(url: string, options: { onQuery?: QueryListener } = {}): Db {
  return createClient(url, options.onQuery);
}
