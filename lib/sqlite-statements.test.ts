// The kept statements (lib/sqlite-statements.ts) on a real better-sqlite3 database, used as the
// Prisma adapter uses a connection: the same text compiled once, and every use bound afresh.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { keepStatements } from "./sqlite-statements";

type Adapterish = { prepare: (sql: string) => { bind: (...p: unknown[]) => { reader: boolean; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[][] } }; run(): unknown } };

function connection(kept?: number) {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  const compiled: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    compiled.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  keepStatements(db, (sql) => (sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql), kept);
  return { client: db as unknown as Adapterish, compiled, db };
}

describe("keepStatements", () => {
  it("compiles a text once and binds each use to its own values", () => {
    const { client, compiled } = connection();
    const insert = "INSERT INTO t (name) VALUES (?)";
    expect(client.prepare(insert).bind(["ada"]).run().changes).toBe(1);
    expect(client.prepare(insert).bind(["bob"]).run().changes).toBe(1);
    const select = "SELECT id, name FROM t WHERE name = ?";
    const first = client.prepare(select).bind(["ada"]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(first.raw().all()).toEqual([[1, "ada"]]);
    expect(client.prepare(select).bind(["bob"]).raw().all()).toEqual([[2, "bob"]]);
    expect(compiled.filter((sql) => sql === insert)).toHaveLength(1);
    expect(compiled.filter((sql) => sql === select)).toHaveLength(1);
  });

  it("keeps a statement usable after a use that failed", () => {
    const { client } = connection();
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    client.prepare(insert).bind([1, "ada"]).run();
    expect(() => client.prepare(insert).bind([1, "again"]).run()).toThrow(/UNIQUE/);
    expect(client.prepare(insert).bind([2, "bob"]).run().changes).toBe(1);
  });

  it("begins transactions IMMEDIATE, as lib/db.ts asks", () => {
    const { client, compiled, db } = connection();
    client.prepare("BEGIN").run();
    expect(db.inTransaction).toBe(true);
    expect(compiled).toContain("BEGIN IMMEDIATE");
    db.exec("ROLLBACK");
  });

  it("keeps at most so many, the least recently used out first", () => {
    const { client, compiled } = connection(2);
    const texts = ["SELECT 1", "SELECT 2", "SELECT 3"];
    client.prepare(texts[0]).bind().raw().all();
    client.prepare(texts[1]).bind().raw().all();
    client.prepare(texts[0]).bind().raw().all(); // used again: now the most recent
    client.prepare(texts[2]).bind().raw().all(); // SELECT 2 goes for it
    client.prepare(texts[0]).bind().raw().all();
    client.prepare(texts[1]).bind().raw().all();
    expect(compiled).toEqual(["SELECT 1", "SELECT 2", "SELECT 3", "SELECT 2"]);
  });
});
