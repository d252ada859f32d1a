// An import killed half-way (SIGKILL, no chance to tidy up) and run again ends with the same
// database as one run that was never stopped (issue 22), on the engine DATABASE_URL names.
// The file reaches the first run through a named pipe, half of it at a time, so the kill always
// lands half-way through, however fast the machine is.
import { execFileSync } from "node:child_process";
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { writeWxr, wxrHead, wxrItem, type WxrShape } from "../../scripts/bench/wxr";
import { importWordpressFile } from "../../lib/transfer/import-wordpress";
import { runScript } from "../ops/processes";
import { scratchSites } from "../support/scratch-sites";

const { engine, dir, emptySite, exportTo, cleanup } = scratchSites("killed");
const SHAPE: WxrShape = { posts: 6, commentsPerPost: 60 };
const exported = async (db: Db, name: string) => readFileSync(await exportTo(db, name));

const write = (out: WriteStream, text: string) => new Promise<void>((resolve, reject) => out.write(text, (error) => (error ? reject(error) : resolve())));

afterAll(cleanup);

describe(`an import killed half-way (${engine})`, () => {
  it("run again, ends with the same database as one uninterrupted run", async () => {
    const file = path.join(dir, "archive.xml");
    const whole = createWriteStream(file);
    await writeWxr(whole, SHAPE);
    whole.end();
    await finished(whole);

    // The runs that finish are the import's own function; the one that is killed is the command,
    // in a process of its own.
    const { db: once } = await emptySite("klonce");
    expect((await importWordpressFile(once, file)).problems).toEqual([]);
    const expected = await exported(once, "once.jsonl");

    const { url, db } = await emptySite("klkill");
    const pipe = path.join(dir, "half.pipe");
    execFileSync("mkfifo", [pipe]);
    const first = runScript("scripts/import.ts", ["wordpress", pipe, "--report", path.join(dir, "killed.json")], { DATABASE_URL: url });
    const feed = createWriteStream(pipe);
    await write(feed, wxrHead());
    const half = SHAPE.posts / 2;
    for (let post = 0; post < half; post++) await write(feed, wxrItem(post, SHAPE));
    // The first half is in; the run is waiting for the rest of the file, or still writing it.
    const deadline = Date.now() + 60_000;
    while ((await db.article.count()) < half) {
      if (first.child.exitCode !== null || Date.now() > deadline) throw new Error(`the first run ended or stalled:\n${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    feed.destroy();
    const comments = await db.comment.count();
    expect(comments).toBeGreaterThan(0);
    expect(comments).toBeLessThan(SHAPE.posts * SHAPE.commentsPerPost);

    expect((await importWordpressFile(db, file)).problems).toEqual([]);
    expect((await exported(db, "again.jsonl")).equals(expected)).toBe(true);
    // /admin/import shows the killed run as one that did not finish.
    expect(await db.importRun.findMany({ select: { kind: true, finishedAt: true } })).toEqual([{ kind: "wordpress", finishedAt: null }]);
  });
});
