// The shared client under a burst: when every connection is busy for longer than Prisma's default
// two-second wait, a new transaction waits its turn instead of failing (a 500 for the reader).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "./db";
import { databaseKind } from "./env";

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
});
