// `tsx e2e/tasks/durability-database.ts <command> …` for e2e/ops-durability.spec.ts: a database of
// its own for the instance that is killed (on the engine of the run's DATABASE_URL), so nothing
// another spec counts moves. Prints JSON.
//   create                       → { url, articleId }: created, migrated as `npm start` would, one published article
//   facts <url> <articleId>      → { bodies: { body: [ids] }, commentCount, published, journalMode }
//   drop <url>                   → {}
import { rmSync } from "node:fs";
import pg from "pg";
import { createDb } from "../../lib/db";
import { databaseKind, sqliteFilePath } from "../../lib/env";
import { migrateDatabase } from "../../prisma/migrate/deploy";
import { createTestDatabase } from "../../scripts/test-database";

async function create() {
  const { url } = await createTestDatabase(process.env.DATABASE_URL ?? "file:./data/dept.db", "durability");
  await migrateDatabase(url);
  const db = createDb(url);
  try {
    const author = await db.user.create({ data: { email: "durable.author@example.test", handle: "durable_author", name: "Durable Author", role: "author" } });
    const article = await db.article.create({
      data: { slug: "kill-nine", title: "Pulled plug", dept: "power-cut", body: "Comments arrive while the server dies.", status: "published", publishedAt: new Date(), authorId: author.id },
    });
    return { url, articleId: article.id };
  } finally {
    await db.$disconnect();
  }
}

async function facts(url: string, articleId: string) {
  const db = createDb(url);
  try {
    const rows = await db.comment.findMany({ where: { articleId }, select: { id: true, body: true } });
    const bodies: Record<string, string[]> = {};
    for (const { id, body } of rows) (bodies[body] ??= []).push(id);
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { commentCount: true } });
    const published = await db.comment.count({ where: { articleId, status: "published" } });
    const journalMode = databaseKind(url) === "sqlite" ? (await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode"))[0].journal_mode : null;
    return { bodies, commentCount: article.commentCount, published, journalMode };
  } finally {
    await db.$disconnect();
  }
}

async function drop(url: string) {
  if (databaseKind(url) === "sqlite") {
    const file = sqliteFilePath(url);
    for (const ext of ["", "-wal", "-shm", "-journal", "-migrate.lock"]) rmSync(file + ext, { force: true });
    return {};
  }
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  return {};
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === "create") return create();
  if (command === "facts") return facts(args[0], args[1]);
  if (command === "drop") return drop(args[0]);
  throw new Error(`unknown command: ${command}`);
}

main().then(
  (answer) => console.log(JSON.stringify(answer)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
