// npm run export / npm run import -- dept on the engine DATABASE_URL names (issue 22): the demo
// site with votes, flags, spotlights, the credit ledger and the rest exported, imported into an
// empty database and exported again gives the same bytes; importing twice, or again after a
// stop half-way, changes nothing more; secrets stay out unless asked for; bad records are
// reported by line and the rest goes in.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { importDeptFile } from "../../lib/transfer/import-dept";
import { NOT_EXPORTED, RECORDS } from "../../lib/transfer/format";
import { seedDemo } from "../../prisma/seed";
import { scriptResult } from "./processes";
import { scratchSites } from "../support/scratch-sites";

const { engine, dir, emptySite, exportTo, cleanup, keep } = scratchSites("export");

const linesOf = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n");
const recordsOf = (file: string) => linesOf(file).slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);

let source: Db;
let original: string;

beforeAll(async () => {
  ({ db: source } = await emptySite("xsrc"));
  await seedDemo(source);
  // Beyond the demo: one row of every other kind the format carries.
  const member = await source.user.findFirstOrThrow({ orderBy: { id: "asc" } });
  const comment = await source.comment.findFirstOrThrow({ orderBy: { id: "asc" } });
  const now = new Date("2026-11-30T12:00:00.000Z");
  await source.setting.create({ data: { key: "flagHideWeight", value: "7", updatedAt: now } });
  await source.user.update({ where: { id: member.id }, data: { passwordHash: "$argon2id$stand-in-hash", notifyToken: "feed-token-secret", repliesFeedToken: "replies-token-secret" } });
  await source.account.create({ data: { userId: member.id, provider: "github", providerAccountId: "4242", createdAt: now } });
  await source.articleRedirect.create({ data: { oldSlug: "old-address", articleId: comment.articleId, createdAt: now } });
  await source.articleLegacyUrl.create({ data: { path: "/2019/05/old-address", articleId: comment.articleId, createdAt: now } });
  await source.moderationEvent.create({ data: { actorId: member.id, action: "remove", commentId: comment.id, reason: "Off topic", createdAt: now } });
  await source.visitorBan.create({ data: { visitorKey: "banned-visitor", reason: "spam", createdAt: now } });
  await source.networkBan.create({ data: { network: "203.0.113.0/24", expiresAt: new Date("2026-12-30T00:00:00.000Z"), createdAt: now } });
  await source.emailBan.create({ data: { emailHash: "hash-of-an-address", createdAt: now } });
  const subscriber = await source.newsletterSubscriber.create({
    data: { email: "reader@example.test", status: "confirmed", confirmToken: "confirm-secret", unsubscribeToken: "unsub-secret", createdAt: now, confirmedAt: now },
  });
  const issue = await source.newsletterIssue.create({ data: { day: "2026-11-30", createdAt: now } });
  await source.newsletterDelivery.create({ data: { issueId: issue.id, subscriberId: subscriber.id, sentAt: now } });
  const address = await source.mailAddress.create({ data: { email: "anon@example.test", confirmToken: "c-secret", unsubscribeToken: "u-secret", confirmedAt: now, createdAt: now } });
  await source.follow.create({ data: { followerKey: `m:${address.id}`, target: `comment:${comment.id}`, mailAddressId: address.id, articleId: comment.articleId, commentId: comment.id, createdAt: now } });
  await source.notification.create({ data: { userId: member.id, kind: "reply", commentId: comment.id, articleId: comment.articleId, createdAt: now } });
  original = await exportTo(source, "original.jsonl");
});

afterAll(cleanup);

describe(`Dept export and import (${engine})`, () => {
  it("exports every record type, and every column of every model is exported or deliberately left out", async () => {
    const types = new Set(recordsOf(original).map((r) => r.type));
    expect([...types].sort()).toEqual(RECORDS.map((r) => r.type).sort());
    // A column added to the schema later must be added to the format (or to NOT_EXPORTED).
    const model = (source as unknown as { _runtimeDataModel: { models: Record<string, { fields: { name: string; kind: string }[] }> } })._runtimeDataModel.models;
    for (const [name, { fields }] of Object.entries(model)) {
      if (NOT_EXPORTED.includes(name)) continue;
      const spec = RECORDS.find((r) => r.model === name[0].toLowerCase() + name.slice(1));
      expect(spec, `model ${name}`).toBeDefined();
      const columns = fields.filter((f) => f.kind !== "object").map((f) => f.name);
      expect(Object.keys(spec!.fields), `fields of ${name}`).toEqual(columns);
    }
  });

  it("leaves password hashes and link tokens out unless asked, and puts them in with --with-secrets", async () => {
    const text = readFileSync(original, "utf8");
    expect(JSON.parse(linesOf(original)[0])).toEqual({ format: "dept-export", version: 1, secrets: false });
    for (const secret of ["passwordHash", "stand-in-hash", "feed-token-secret", "replies-token-secret", "confirm-secret", "unsub-secret", "c-secret", "u-secret"]) expect(text).not.toContain(secret);

    const withSecrets = await exportTo(source, "secrets.jsonl", true);
    const member = recordsOf(withSecrets).find((r) => r.type === "user" && r.notifyToken === "feed-token-secret")!;
    expect(member.passwordHash).toEqual(expect.any(String));
    const { db } = await emptySite("xsec");
    expect((await importDeptFile(db, withSecrets)).problems).toEqual([]);
    const imported = await db.user.findUniqueOrThrow({ where: { id: member.id as string } });
    expect(imported.passwordHash).toBe(member.passwordHash);
    expect(await exportTo(db, "secrets-again.jsonl", true).then((f) => readFileSync(f))).toEqual(readFileSync(withSecrets));
  });

  it("imports into an empty database and exports the same bytes; a second import creates nothing", async () => {
    const { db } = await emptySite("xdst");
    const first = await importDeptFile(db, original);
    expect(first.problems).toEqual([]);
    expect(Object.values(first.created).reduce((a, b) => a + b, 0)).toBe(linesOf(original).length - 1);
    const again = await exportTo(db, "again.jsonl");
    expect(readFileSync(again).equals(readFileSync(original))).toBe(true);

    const second = await importDeptFile(db, original);
    expect(Object.values(second.created).reduce((a, b) => a + b, 0)).toBe(0);
    expect(Object.values(second.existing).reduce((a, b) => a + b, 0)).toBe(linesOf(original).length - 1);
    // Links made anew for the tokens the file did not carry still work: each row has its own.
    const subscriber = await db.newsletterSubscriber.findFirstOrThrow();
    expect(subscriber.unsubscribeToken).toMatch(/^[\w-]{20,}$/);
    expect(subscriber.status).toBe("confirmed");
  });

  it("an import stopped half-way and run again ends with the same database as one run", async () => {
    const lines = linesOf(original);
    const half = path.join(dir, "half.jsonl");
    // What a stop leaves: the batches written before it (a batch is one transaction).
    writeFileSync(half, `${lines.slice(0, Math.floor(lines.length / 2)).join("\n")}\n`);
    const { db } = await emptySite("xres");
    await importDeptFile(db, half);
    const rest = await importDeptFile(db, original);
    expect(rest.problems).toEqual([]);
    expect(rest.existing).not.toEqual({});
    expect(readFileSync(await exportTo(db, "resumed.jsonl")).equals(readFileSync(original))).toBe(true);
  });

  it("lists what it cannot import by line and why, and imports the rest", async () => {
    const records = recordsOf(original);
    const top = records.find((r) => r.type === "comment" && r.parentId === null)!;
    const article = records.find((r) => r.type === "article" && r.id === top.articleId)!;
    const author = records.find((r) => r.type === "user" && r.id === article.authorId)!;
    // An anonymous comment, so that it needs only its article and that article's author.
    const comment = { ...top, id: "kept-comment", rootId: "kept-comment", authorId: null, anonName: "Kept", anonEmail: "kept@example.test" };
    const lines = [
      linesOf(original)[0],
      JSON.stringify(author),
      JSON.stringify({ ...article, commentCount: 0 }),
      JSON.stringify(comment),
      JSON.stringify({ ...comment, id: "nul-comment", body: "before\u0000after" }),
      JSON.stringify({ ...comment, id: "long-comment", body: "x".repeat(10_001) }),
      JSON.stringify({ ...comment, id: "orphan-reply", parentId: "no-such-comment", depth: 1 }),
      JSON.stringify({ type: "wiki-page", id: "1" }),
      "{not json",
      JSON.stringify({ ...comment, id: "bad-time", createdAt: "yesterday" }),
      JSON.stringify({ ...author, id: "bad-handle", email: "other@example.test", handle: "Has Spaces" }),
      JSON.stringify({ ...article, id: "bad-slug", slug: "../../admin" }),
    ];
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const { db } = await emptySite("xbad");
    const summary = await importDeptFile(db, file);
    expect(summary.problems.map((p) => [p.line, p.reason])).toEqual([
      [5, '"body" holds a NUL character'],
      [6, '"body" is longer than 10000 characters'],
      [7, "points to a record that is not there (or not imported)"],
      [8, "unknown record type"],
      [9, "not a JSON object"],
      [10, '"createdAt" is not a time'],
      [11, '"handle" is not a handle (3 to 30 lower-case letters, digits, _ or -)'],
      [12, '"slug" is not a slug (lower-case letters, digits and -)'],
    ]);
    expect((await db.comment.findMany({ select: { id: true } })).map((c) => c.id)).toEqual(["kept-comment"]);
  });

  it("the command line: a report file, exit 1 when some records were not imported, 2 for a file that is not an export", async () => {
    const { url } = await emptySite("xcli");
    const notExport = path.join(dir, "not-export.jsonl");
    writeFileSync(notExport, '{"hello":"world"}\n');
    const refused = await scriptResult("scripts/import.ts", ["dept", notExport], { DATABASE_URL: url });
    expect(refused.code).toBe(2);
    expect(refused.output).toContain("is not a Dept export");

    const dry = await scriptResult("scripts/import.ts", ["dept", original, "--dry-run", "--report", path.join(dir, "dry.json")], { DATABASE_URL: url });
    expect(dry.code).toBe(0);
    expect(dry.output).toMatch(new RegExp(`would create ${linesOf(original).length - 1} records`));
    const check = createDb(url);
    keep(check);
    expect(await check.comment.count()).toBe(0);

    const bad = path.join(dir, "one-bad.jsonl");
    writeFileSync(bad, `${linesOf(original)[0]}\n{"type":"wiki-page"}\n`);
    const partial = await scriptResult("scripts/import.ts", ["dept", bad], { DATABASE_URL: url });
    expect(partial.code).toBe(1);
    const report = JSON.parse(readFileSync(`${bad}.report.json`, "utf8")) as { problems: { line: number; reason: string }[] };
    expect(report.problems).toEqual([{ line: 2, type: "wiki-page", reason: "unknown record type" }]);
  });
});
