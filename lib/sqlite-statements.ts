// The SQLite adapter (@prisma/adapter-better-sqlite3 7.10) compiles every statement it runs
// again from its text, though a site sends the same few dozen texts all day: compiling was 8 %
// of the server's time on /api/viewer, whose statements are long. Here the connection keeps
// each compiled statement (by its text, least recently used out first) and gives the adapter a
// fresh binding of it each time. better-sqlite3 runs a statement to completion synchronously,
// so a kept statement is never in use twice at once.
import type { Database, Statement } from "better-sqlite3";

export const STATEMENTS_KEPT = 500;

type Params = unknown[];

/** What the adapter does with a prepared statement: bind it once, then run or read it. */
function boundTo(statement: Statement, params: Params) {
  return {
    reader: statement.reader,
    run: () => statement.run(...params),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...params) }),
  };
}

/**
 * Makes `client.prepare` hand out kept statements. `rewrite` changes a text before it is
 * compiled (BEGIN IMMEDIATE, lib/db.ts).
 */
export function keepStatements(client: Pick<Database, "prepare">, rewrite: (sql: string) => string = (sql) => sql, kept = STATEMENTS_KEPT): void {
  const prepare = client.prepare.bind(client);
  const statements = new Map<string, Statement>();
  const compiled = (sql: string): Statement => {
    const known = statements.get(sql);
    if (known) {
      statements.delete(sql);
      statements.set(sql, known);
      return known;
    }
    const statement = prepare(sql);
    statements.set(sql, statement);
    if (statements.size > kept) statements.delete(statements.keys().next().value as string);
    return statement;
  };
  (client as { prepare: unknown }).prepare = (sql: string) => {
    const statement = compiled(rewrite(sql));
    return { ...boundTo(statement, []), bind: (...params: Params) => boundTo(statement, params) };
  };
}
