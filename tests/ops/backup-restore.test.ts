// npm run backup / restore on the engine DATABASE_URL names: a backup taken while comments are
// being written restores into an empty database with the same rows and content, and is
// consistent (every comment counted in its article); a restore refuses a database that is not
// empty, and every bad input gets its message and exit code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { databaseKind } from "../../lib/env";
import { migrateDatabase } from "../../prisma/migrate/deploy";
import { createTestDatabase, type TestDatabase } from "../../scripts/test-database";
import { OpsError } from "../../scripts/ops/backup-file";
import { backupDatabase, restoreDatabase } from "../../scripts/ops/database-backup";
import { failureOf } from "../support/failure-of";
import { runScript, scriptResult } from "./processes";

const base = process.env.DEPT_TEST_BASE_DATABASE_URL!;
const engine = databaseKind(base);
const dir = mkdtempSync(path.join(tmpdir(), "dept-backup-"));
const databases: TestDatabase[] = [];
const newDatabase = async (label: string) => {
  const made = await createTestDatabase(base, label);
  databases.push(made);
  return made;
};

let source: TestDatabase;
let articleId: string;
const backupFile = path.join(dir, engine === "sqlite" ? "site.sqlite" : "site.pgdump");

beforeAll(async () => {
  source = await newDatabase("opsrc");
  await migrateDatabase(source.url);
  const db = createDb(source.url);
  try {
    const author = await db.user.create({ data: { email: "backup-author@example.test", handle: "backup_author", name: "Backup Author" } });
    const article = await db.article.create({ data: { slug: "backed-up", title: "Backed up", dept: "backups", body: "Kept safe.", status: "published", publishedAt: new Date(), authorId: author.id } });
    articleId = article.id;
  } finally {
    await db.$disconnect();
  }
});

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  rmSync(dir, { recursive: true, force: true });
});

async function countsIn(url: string) {
  const db = createDb(url);
  try {
    const comments = await db.comment.count({ where: { articleId } });
    const { commentCount } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { commentCount: true } });
    return { comments, commentCount };
  } finally {
    await db.$disconnect();
  }
}

describe(`backup and restore (${engine})`, () => {
  it("a backup taken while comments are being written restores whole and consistent into an empty database", async () => {
    const writer = runScript("tests/ops/comment-writer.ts", [], { DATABASE_URL: source.url, ARTICLE_ID: articleId });
    try {
      await writer.saw(/^wrote 20$/m);
      const manifest = await backupDatabase(source.url, backupFile);
      const atBackup = Number([...writer.output().matchAll(/^wrote (\d+)$/gm)].at(-1)![1]);
      // The site goes on writing after the backup: those comments must not be in it.
      await writer.saw(new RegExp(`^wrote ${atBackup + 20}$`, "m"));
      expect(manifest.migrations.length).toBeGreaterThan(0);
    } finally {
      writer.child.stdin!.end();
      expect(await writer.exited).toBe(0);
    }
    const written = Number(writer.output().match(/^done (\d+)$/m)![1]);

    const target = await newDatabase("opdst");
    const result = await restoreDatabase(target.url, backupFile);
    expect(result.problems).toEqual([]);
    expect(result.actual.checksum).toBe(result.expected.checksum);
    const tables = new Map(result.actual.tables.map((t) => [t.table.replace(/^public\./, ""), t.rows]));
    expect(tables.get("_prisma_migrations")).toBeGreaterThan(0);

    const restored = await countsIn(target.url);
    expect(restored.comments).toBe(tables.get("Comment"));
    expect(restored.comments).toBeGreaterThanOrEqual(20);
    expect(restored.comments).toBeLessThan(written);
    // One moment, not a blend of two: every comment in the backup is counted in its article.
    expect(restored.commentCount).toBe(restored.comments);
    expect(await countsIn(source.url)).toEqual({ comments: written, commentCount: written });

    // The restored database is not empty any more: a second restore into it is refused.
    const refused = await failureOf(restoreDatabase(target.url, backupFile));
    expect(refused).toBeInstanceOf(OpsError);
    expect((refused as OpsError).exitCode).toBe(2);
    expect(refused.message).toMatch(/^Refusing to restore.*not empty/);
    expect(await countsIn(target.url)).toEqual(restored);
  });

  it("npm run restore checks the restored content against the manifest and exits 1 on a difference", async () => {
    const tampered = path.join(dir, `tampered-${path.basename(backupFile)}`);
    writeFileSync(tampered, readFileSync(backupFile));
    const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, "utf8"));
    const comments = manifest.fingerprint.tables.find((t: { table: string }) => t.table.endsWith("Comment"));
    comments.rows += 1;
    writeFileSync(`${tampered}.manifest.json`, JSON.stringify(manifest));

    const target = await newDatabase("opbad");
    const { code, output } = await scriptResult("scripts/restore.ts", [tampered], { DATABASE_URL: target.url });
    expect(output).toMatch(/Comment +\d+ +\d+ +DIFFERENT/);
    expect(output).toMatch(/differs from the backup:\n.*Comment: \d+ rows, the backup has \d+/);
    expect(code).toBe(1);
  });

  it("a restore refuses a missing file, a backup of the other engine and a non-empty database, each with its reason", async () => {
    const empty = await newDatabase("opnone");
    const missing = await scriptResult("scripts/restore.ts", [path.join(dir, "no-such-backup")], { DATABASE_URL: empty.url });
    expect(missing).toEqual({ code: 2, output: expect.stringContaining("No backup file at") });

    const refusal = async (url: string, file: string) => {
      const error = await failureOf(restoreDatabase(url, file));
      expect(error).toBeInstanceOf(OpsError);
      expect((error as OpsError).exitCode).toBe(2);
      return error.message;
    };
    const otherEngineUrl = engine === "sqlite" ? "postgresql://postgres@127.0.0.1:5432/dept_never_created" : `file:${path.join(dir, "never.db")}`;
    const [mine, other] = engine === "sqlite" ? ["SQLite", "PostgreSQL"] : ["PostgreSQL", "SQLite"];
    expect(await refusal(otherEngineUrl, backupFile)).toContain(`is a ${mine} backup but DATABASE_URL names a ${other} database`);
    expect(await refusal(source.url, backupFile)).toMatch(/^Refusing to restore.*not empty/);
    writeFileSync(path.join(dir, "notes.txt"), "not a backup");
    expect(await refusal(empty.url, path.join(dir, "notes.txt"))).toContain("is not a Dept backup");
  });

  it("a backup never overwrites an existing file", async () => {
    const before = readFileSync(backupFile);
    const error = await failureOf(backupDatabase(source.url, backupFile));
    expect((error as OpsError).exitCode).toBe(2);
    expect(error.message).toContain("already exists");
    expect(readFileSync(backupFile).equals(before)).toBe(true);
  });
});
