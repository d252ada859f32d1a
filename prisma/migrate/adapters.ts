// Dev-time only: driver adapter factories for the wasm schema engine (prisma/migrate/engine.ts),
// with the three fixes STACK-NOTES lists for adapters driven by the engine rather than by Prisma
// Client. A factory owns its connections and scratch databases: call cleanup() when done.
import { randomBytes } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { Provider } from "./schema-files";

export type OwnedAdapterFactory = SqlMigrationAwareDriverAdapterFactory & { cleanup(): Promise<void> };

export type AdapterTargets = {
  /** The engine's "main" database. Default: a throwaway one (a diff never needs a real one). */
  databaseUrl?: string;
  /** The shadow database the engine replays migrations into. Default: a throwaway one. */
  shadowUrl?: string;
};

export function migrationAdapterFactory(provider: Provider, targets: AdapterTargets = {}): OwnedAdapterFactory {
  return provider === "sqlite" ? sqliteFactory(targets) : postgresFactory(targets);
}

// A view of `target` with some members replaced. Everything else is forwarded bound to the
// original object, because the adapters keep state in private (#) fields that a prototype-based
// copy could not reach.
function override<T extends object>(target: T, members: Partial<T>): T {
  return new Proxy(target, {
    get(obj, key) {
      if (Object.hasOwn(members, key)) return members[key as keyof T];
      const value: unknown = Reflect.get(obj, key, obj);
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

// ---------------------------------------------------------------- SQLite

// Fix 1: the engine replays whole migration scripts through executeRaw, and better-sqlite3
// refuses to prepare more than one statement. A parameterless script that fails that way is
// run with exec() (the adapter's executeScript); everything else goes through untouched.
function isMultiStatementError(error: unknown): boolean {
  return error instanceof RangeError && /more than one statement/.test(error.message);
}

function withScriptFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const execute = async (target: SqlQueryable, query: SqlQuery): Promise<number> => {
    try {
      return await target.executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !isMultiStatementError(error)) throw error;
      await adapter.executeScript(query.sql); // same connection, so it joins an open transaction
      return 0;
    }
  };
  return override(adapter, {
    executeRaw: (query) => execute(adapter, query),
    startTransaction: async (isolationLevel) => {
      const tx = await adapter.startTransaction(isolationLevel);
      return override<Transaction>(tx, { executeRaw: (query) => execute(tx, query) });
    },
  });
}

function sqliteFactory({ databaseUrl, shadowUrl }: AdapterTargets): OwnedAdapterFactory {
  // In-memory databases are the throwaway ones: they vanish with their connection.
  const file = (url?: string) => (url ? url.replace(/^file:/, "").split("?")[0] : ":memory:");
  const main = new PrismaBetterSqlite3({ url: file(databaseUrl) });
  const shadow = new PrismaBetterSqlite3({ url: file(shadowUrl) });
  const opened: SqlDriverAdapter[] = [];
  const open = async (factory: PrismaBetterSqlite3) => {
    const adapter = await factory.connect();
    opened.push(adapter);
    return withScriptFallback(adapter);
  };
  return {
    provider: "sqlite",
    adapterName: main.adapterName,
    connect: () => open(main),
    connectToShadowDb: () => open(shadow),
    // The engine leaves connections open (and holds an exclusive lock on the main file while
    // applying); closing twice is harmless in better-sqlite3.
    cleanup: async () => {
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

// ---------------------------------------------------------------- PostgreSQL

// Fix 2: catalog columns of type "char" (OID 18, e.g. pg_constraint.confdeltype) are unknown to
// adapter-pg's type mapping and abort introspection. They hold one ASCII character, so calling
// them text (OID 25) is exact. Done in the client class so it covers pooled queries (callback
// form) and transaction clients (promise form) alike.
const PG_CHAR = 18;
const PG_TEXT = 25;

function retypeChar<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    }
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- forwards all of pg's overloads
  override query(...args: any[]): any {
    const query = super.query as (...a: unknown[]) => unknown;
    const last: unknown = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : retypeChar(res));
      return query.apply(this, args);
    }
    const out = query.apply(this, args);
    return out instanceof Promise ? out.then(retypeChar) : out;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Fix 3: adapter-pg 7.10's own connectToShadowDb drops the shadow database while its pool is
// still connected, so the drop fails. We create a scratch database on MIGRATION_POSTGRES_URL's
// server when one is needed and drop it after closing our pools.
/**
 * The PostgreSQL server where `npm run db:migration` and the drift test make scratch databases
 * (MIGRATION_POSTGRES_URL). Development tooling reads it here, not through the app's lib/env.ts.
 */
export function migrationPostgresUrl(): string {
  return process.env.MIGRATION_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";
}

function postgresFactory({ databaseUrl, shadowUrl }: AdapterTargets): OwnedAdapterFactory {
  const serverUrl = migrationPostgresUrl();
  const scratchName = `dept_scratch_shadow_${process.pid}_${randomBytes(4).toString("hex")}`;
  let scratch: Promise<string> | undefined;
  const scratchUrl = () => {
    scratch ??= adminQuery(serverUrl, `CREATE DATABASE "${scratchName}"`).then(() => withDatabase(serverUrl, scratchName));
    return scratch;
  };
  const pools: pg.Pool[] = [];
  const open = (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: 2, Client: CharAsTextClient });
    // cleanup() drops the scratch database WITH (FORCE), which terminates any connection still
    // closing: its "terminating connection" is expected then, and unhandled it would crash the
    // process. Queries still fail through their own promises.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    pools.push(pool);
    return new PrismaPg(pool).connect();
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    // The main connection of a diff is only asked for the server version: the scratch
    // database serves for that too, so nothing real is touched.
    connect: async () => open(databaseUrl ?? shadowUrl ?? (await scratchUrl())),
    connectToShadowDb: async () => open(shadowUrl ?? (await scratchUrl())),
    cleanup: async () => {
      await Promise.all(pools.map((pool) => pool.end()));
      if (scratch) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
    },
  };
}
