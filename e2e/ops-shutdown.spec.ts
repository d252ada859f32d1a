// SIGTERM in the middle of a burst of comment posts: the instance stops taking connections,
// finishes what it let in, and exits 0. Every post either got a 2xx and is stored exactly once,
// or was refused (or its connection failed) and nothing of it is stored; the article's comment
// count still equals its published comments.
import { execFileSync } from "node:child_process";
import http from "node:http";
import { expect } from "@playwright/test";
import { UNCOUNTED, anonEmail, articleIdOf } from "./comments-helpers";
import { test, uniqueIp, uniqueSuffix } from "./fixtures";
import { removeInstanceFolder, startInstance } from "./instances";

test.describe.configure({ timeout: 90_000 });

type Outcome = { body: string; status: number | "failed" };
type Facts = { bodies: Record<string, number>; commentCount: number; published: number };

/**
 * A post the server has begun (it read the headers and answered 100 Continue) whose body is
 * sent only when `finish` is called: a request certainly in flight when the signal comes.
 */
function slowPost(url: string, payload: string): Promise<{ finish: () => void; answer: Promise<number | "failed"> }> {
  return new Promise((started, failed) => {
    const body = Buffer.from(payload);
    const request = http.request(`${url}/api/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": body.length, origin: url, "x-forwarded-for": uniqueIp(), expect: "100-continue" },
    });
    const answer = new Promise<number | "failed">((resolve) => {
      request.once("response", (response) => {
        response.resume();
        response.once("end", () => resolve(response.statusCode ?? 0));
      });
      request.once("error", () => resolve("failed"));
    });
    request.once("continue", () => started({ finish: () => request.end(body), answer }));
    request.once("error", failed);
    request.flushHeaders();
  });
}

/** Resolves once the server no longer accepts connections. */
async function refusingConnections(url: string): Promise<void> {
  await expect.poll(async () => fetch(`${url}/robots.txt`, { headers: { connection: "close" } }).then(() => "accepted", () => "refused"), { timeout: 5_000 }).toBe("refused");
}

const facts = (articleId: string, prefix: string): Facts =>
  JSON.parse(execFileSync("npx", ["tsx", "e2e/tasks/ops-facts.ts", "comments", articleId, prefix], { env: process.env, encoding: "utf8" }));

test("SIGTERM during a burst of posts: each is stored once if answered 2xx, not at all otherwise; exit 0", async ({ request }) => {
  const instance = await startInstance({ env: { LOG_LEVEL: "warn" } });
  try {
    const articleId = await articleIdOf(request, UNCOUNTED);
    const marker = `Shutdown burst ${uniqueSuffix()}`;
    // Each post a different visitor from a network of its own, so no flood limit refuses it.
    const post = async (i: number): Promise<Outcome> => {
      const body = `${marker} #${i}`;
      try {
        const response = await fetch(`${instance.url}/api/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: instance.url, "x-forwarded-for": uniqueIp() },
          body: JSON.stringify({ articleId, body, anonName: "Burst", anonEmail: anonEmail() }),
        });
        await response.arrayBuffer();
        return { body, status: response.status };
      } catch {
        return { body, status: "failed" };
      }
    };
    const slowBody = `${marker} #slow`;
    const slow = await slowPost(instance.url, JSON.stringify({ articleId, body: slowBody, anonName: "Slow", anonEmail: anonEmail() }));
    const first = Array.from({ length: 30 }, (_, i) => post(i));
    // The signal goes as the first answer comes back: the rest of the first wave is in flight.
    await Promise.race(first);
    const signalledAt = Date.now();
    const exitCode = instance.stop("SIGTERM");
    const second = Array.from({ length: 30 }, (_, i) => post(30 + i));
    // The server has stopped taking connections; the slow post, begun before, still completes.
    await refusingConnections(instance.url);
    slow.finish();
    expect(await slow.answer).toBe(201);
    const outcomes = [...(await Promise.all([...first, ...second])), { body: slowBody, status: 201 }];
    expect(await exitCode).toBe(0);
    const exitMs = Date.now() - signalledAt;

    const stored = facts(articleId, marker);
    const answered = outcomes.filter((o) => typeof o.status === "number" && o.status >= 200 && o.status < 300);
    expect(answered.length).toBeGreaterThan(0);
    for (const o of outcomes) {
      const rows = stored.bodies[o.body] ?? 0;
      expect(rows, `${o.body}: answered ${o.status}`).toBe(answered.includes(o) ? 1 : 0);
    }
    expect(Object.keys(stored.bodies).length).toBe(answered.length);
    expect(stored.commentCount).toBe(stored.published);
    // What the run saw, for the report: how many posts were completed, refused or cut off.
    const tally: Record<string, number> = {};
    for (const o of outcomes) tally[String(o.status)] = (tally[String(o.status)] ?? 0) + 1;
    console.log(`posts by outcome: ${JSON.stringify(tally)}; exit ${exitMs} ms after SIGTERM`);
    expect(instance.output()).not.toMatch(/shutdown timeout/);
  } finally {
    await instance.stop();
    removeInstanceFolder(instance.folder);
  }
});

test("SIGTERM ends the live discussion's open streams, so the instance exits 0 at once instead of waiting them out", async ({ request }) => {
  const instance = await startInstance({ env: { LOG_LEVEL: "warn" } });
  try {
    const articleId = await articleIdOf(request, UNCOUNTED);
    const response = await fetch(`${instance.url}/api/articles/${articleId}/live`);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let said = "";
    while (!said.includes("event: ready")) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      said += new TextDecoder().decode(value);
    }
    const exitCode = instance.stop("SIGTERM");
    // The stream ends from the server's side (the browser's EventSource then reconnects, to an
    // instance that stays); left open, it would hold the stop until SHUTDOWN_TIMEOUT_MS and exit 1.
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    expect(await exitCode).toBe(0);
    expect(instance.output()).not.toMatch(/shutdown timeout/);
  } finally {
    await instance.stop();
    removeInstanceFolder(instance.folder);
  }
});
