// Durability: an instance killed with SIGKILL in the middle of a steady stream of comments loses
// none it acknowledged. After the restart (same port, same folder) every comment whose POST got a
// 2xx is in the database exactly once, no comment is there twice, and the article's commentCount
// equals its published comments: each write and its counter committed together or not at all.
// The instance runs on a database of its own (e2e/tasks/durability-database.ts), migrated as
// `npm start` migrates, which on SQLite leaves it in WAL mode: checked here too.
import { execFileSync } from "node:child_process";
import { expect } from "@playwright/test";
import { test, uniqueIp, uniqueSuffix } from "./fixtures";
import { removeInstanceFolder, startInstance, type Instance } from "./instances";

test.describe.configure({ timeout: 180_000 });

type Facts = { bodies: Record<string, string[]>; commentCount: number; published: number; journalMode: string | null };

function task<T>(...args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "e2e/tasks/durability-database.ts", ...args], { encoding: "utf8" })) as T;
}

type Started = Awaited<ReturnType<typeof startInstance>>;

type Attempt = { body: string; status?: number; id?: string; failure?: string };

/** Posters that keep sending anonymous comments, each from an address of its own, until told to stop. */
function commentStream(articleId: string, posters: number) {
  const run = uniqueSuffix();
  const attempts: Attempt[] = [];
  let target: Instance | undefined;
  let paused: Promise<void> | undefined;
  let resume = () => {};
  let stopped = false;
  let numbered = 0;
  const acknowledged = () => attempts.filter((a) => a.status !== undefined && a.status >= 200 && a.status < 300);
  const waiters: { count: number; wake: () => void }[] = [];
  const note = () => {
    const count = acknowledged().length;
    for (const w of waiters.filter((w) => count >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.wake();
    }
  };
  async function poster() {
    while (!stopped) {
      if (paused) {
        await paused;
        continue;
      }
      const attempt: Attempt = { body: `Durable ${run} #${++numbered}` };
      attempts.push(attempt);
      try {
        const response = await fetch(`${target!.url}/api/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": uniqueIp() },
          body: JSON.stringify({ articleId, body: attempt.body, anonName: "Steady", anonEmail: `steady.${numbered}.${run}@example.test` }),
        });
        // The status line alone is the acknowledgement: the kill may cut off the body after it.
        attempt.status = response.status;
        if (response.ok) attempt.id = ((await response.json()) as { id: string }).id;
      } catch (error) {
        // The server died with the request in flight: without a status it may or may not be stored.
        attempt.failure = String((error as Error).cause ?? error);
      }
      note();
    }
  }
  const running: Promise<void>[] = [];
  return {
    attempts,
    acknowledged,
    start(instance: Instance) {
      target = instance;
      for (let i = 0; i < posters; i++) running.push(poster());
    },
    /** Resolves once `count` posts in all have been acknowledged. */
    until: (count: number) => new Promise<void>((wake) => (waiters.push({ count, wake }), note())),
    pause() {
      paused = new Promise((resolve) => (resume = resolve));
    },
    resumeOn(instance: Instance) {
      target = instance;
      paused = undefined;
      resume();
    },
    async stop() {
      stopped = true;
      resume();
      await Promise.all(running);
    },
  };
}

test("comments acknowledged before a kill -9 are all stored once after the restart, and the article's count agrees", async () => {
  const { url, articleId } = task<{ url: string; articleId: string }>("create");
  // Its own database, and no Redis: this site shares nothing with the run's.
  const env = { DATABASE_URL: url, REDIS_URL: undefined };
  const stream = commentStream(articleId, 4);
  let instance: Started | undefined;
  try {
    instance = await startInstance({ env });
    stream.start(instance);
    await stream.until(25);
    // kill -9 mid-stream: requests are in flight, some inside their transaction.
    stream.pause();
    expect(await instance.stop("SIGKILL")).toBeNull();
    const beforeKill = stream.acknowledged().length;

    instance = await startInstance({ env, port: instance.port, folder: instance.folder });
    stream.resumeOn(instance);
    await stream.until(beforeKill + 10);
    await stream.stop();
    await instance.stop();

    const facts = task<Facts>("facts", url, articleId);
    const acknowledged = stream.acknowledged();
    expect(acknowledged.length).toBeGreaterThanOrEqual(beforeKill + 10);
    // Nothing refused or failed with an answer (429 would mean the flood limits met the stream).
    expect(stream.attempts.filter((a) => a.status !== undefined && a.status !== 201)).toEqual([]);
    // Every acknowledged comment is there, once, under the id the answer gave (when its body arrived).
    const missingOrDoubled = acknowledged.filter((a) => facts.bodies[a.body]?.length !== 1 || (a.id !== undefined && facts.bodies[a.body][0] !== a.id));
    expect(missingOrDoubled).toEqual([]);
    // No post is stored twice, acknowledged or not (those cut off by the kill are there once or not at all).
    expect(Object.entries(facts.bodies).filter(([, ids]) => ids.length > 1)).toEqual([]);
    const cutOff = stream.attempts.filter((a) => a.status === undefined);
    expect(Object.keys(facts.bodies).length).toBeLessThanOrEqual(acknowledged.length + cutOff.length);
    expect(facts.commentCount).toBe(facts.published);
    expect(facts.published).toBe(Object.keys(facts.bodies).length);
    if (url.startsWith("file:")) expect(facts.journalMode, "SQLite runs in WAL mode").toBe("wal");
    console.log(
      `durability: ${acknowledged.length} acknowledged (${beforeKill} before the kill, ${acknowledged.filter((a) => !a.id).length} of them cut off after the status), ${cutOff.length} cut off before it, ${Object.keys(facts.bodies).length} stored; journal mode ${facts.journalMode ?? "n/a (PostgreSQL)"}`,
    );
  } finally {
    await stream.stop();
    if (instance) {
      await instance.stop("SIGKILL");
      removeInstanceFolder(instance.folder);
    }
    task("drop", url);
  }
});
