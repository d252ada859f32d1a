// The shared client under a burst: when every connection is busy for longer than Prisma's default
// two-second wait, a new transaction waits its turn instead of failing (a 500 for the reader).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { getDb } from "./db";
import { databaseKind, sqliteFilePath } from "./env";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the database client", () => {
  it("lets a transaction wait for a connection while every one is busy for a few seconds", async () => {
    const db = getDb();
    // PostgreSQL: the pool's ten connections; SQLite: its one writer.
    const busy = databaseKind() === "postgres" ? 10 : 1;
    const holders = Array.from({ length: busy }, () =>
      db.$transaction(async (tx) => {
        await tx.setting.findMany({ take: 1 });
        await sleep(3_000);
      }),
    );
    await sleep(200); // the holders have their connections
    const key = `db-test:${randomUUID()}`;
    const waited = db.$transaction(async (tx) => tx.rateLimitSlot.create({ data: { key, slot: 0, expiresAt: new Date(Date.now() + 60_000) } }));
    await expect(waited).resolves.toMatchObject({ key });
    await Promise.all(holders);
  }, 30_000);

  // Another process writing between a transaction's first read and its first write: the command
  // line beside the running site. With a deferred BEGIN the transaction's write fails at once.
  it.runIf(databaseKind() === "sqlite")("lets a transaction that read first still write after another process wrote in between", async () => {
    const db = getDb();
    const [mine, theirs] = [`db-test:${randomUUID()}`, `db-test:${randomUUID()}`];
    const writer = `const D = require("better-sqlite3"); const d = new D(process.argv[1], { timeout: 5000 });
      console.log("ready"); d.prepare('INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, ?, ?)').run(process.argv[2], "1", Date.now());`;
    let other: ReturnType<typeof spawn> | undefined;
    await db.$transaction(async (tx) => {
      await tx.setting.findMany({ take: 1 });
      other = spawn(process.execPath, ["-e", writer, sqliteFilePath(), theirs], { stdio: ["ignore", "pipe", "inherit"] });
      await once(other.stdout!, "data");
      await sleep(300); // the other process's write lands now, unless our lock holds it back
      await tx.setting.create({ data: { key: mine, value: "1" } });
    });
    const [code] = await once(other!, "exit");
    expect(code).toBe(0);
    expect(await db.setting.count({ where: { key: { in: [mine, theirs] } } })).toBe(2);
  }, 30_000);
});
