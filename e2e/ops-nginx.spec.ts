// The repository's nginx site (deploy/nginx.conf) in front of two app instances, as the README's
// deployment guide runs them: requests reach both, the app sees the real client however the
// client forges X-Forwarded-For, static files come from disk compressed and immutable, anonymous
// article pages come from the micro-cache and signed-in ones never do, and the live discussion
// streams through. nginx runs as a private child process on free ports (scripts/nginx.ts).
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomInt } from "node:crypto";
import { expect } from "./comments-helpers";
import { newMember, test, uniqueSuffix } from "./fixtures";
import { freePort, removeInstanceFolder, startInstance, type Instance } from "./instances";
import { liveArticle, post as postThroughForm, reader, showButton, type LiveArticle } from "./live-helpers";
import { createAndSignIn } from "./members";
import { NGINX, hasBrotli, startNginx, type RunningNginx } from "../scripts/nginx";

test.skip(!existsSync(NGINX), `nginx is not installed at ${NGINX} (Debian: apt-get install -y nginx libnginx-mod-http-brotli-filter)`);
test.describe.configure({ mode: "serial", timeout: 90_000 });

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
type RawOptions = { method?: string; headers?: Record<string, string>; body?: string; from?: string };

/** One request on a fresh connection, from a chosen local address, body left as sent (no decoding). */
function raw(url: string, { method = "GET", headers = {}, body, from }: RawOptions = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress: from, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.once("error", reject);
    request.end(body);
  });
}

// Loopback addresses of this run's own (all of 127.0.0.0/8 is local on Linux), each in a /24 of
// its own, so the app's per-address and per-network limits see three different clients.
const block = randomInt(16, 250);
const peer = (n: number) => `127.${block}.${n}.${randomInt(2, 250)}`;
const [PEER_A, PEER_B, PEER_C] = [peer(1), peer(2), peer(3)];

let nginx: RunningNginx;
let instances: (Instance & { folder: string })[] = [];
let article: LiveArticle;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  article = liveArticle();
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  // As the deployment guide sets them up: one proxy believed (TRUST_PROXY=1), one Redis shared
  // (the page cache every write revalidates, the live discussion).
  const env = { SITE_URL: site, TRUST_PROXY: "1", REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" };
  instances = await Promise.all([startInstance({ env }), startInstance({ env })]);
  nginx = await startNginx({ upstreams: instances.map((i) => i.port), port, staticDir: path.join(process.cwd(), instances[0].folder, "static") });
});

test.afterAll(async () => {
  await nginx?.stop();
  for (const instance of instances) {
    await instance.stop();
    removeInstanceFolder(instance.folder);
  }
});

/** The upstream (instance port, or "-" when nginx answered itself) of each logged request for the path, in order. */
function upstreamsOf(requestPath: string): string[] {
  return nginx.accessLog().split("\n").filter((line) => line.includes(` ${requestPath} HTTP/`)).map((line) => /upstream=(\S+)/.exec(line)?.[1] ?? "?");
}

const post = (body: string, from: string, forged: string) =>
  raw(`${nginx.url}/api/comments`, {
    method: "POST",
    from,
    headers: { "content-type": "application/json", origin: nginx.url, "x-forwarded-for": forged },
    body: JSON.stringify({ articleId: article.id, body, anonEmail: `nginx.${uniqueSuffix()}@example.test` }),
  });

test("nginx spreads requests over both instances", async () => {
  const probe = `/robots.txt?spread=${uniqueSuffix()}`;
  for (let i = 0; i < 8; i++) expect((await raw(`${nginx.url}${probe}`)).status).toBe(200);
  // nginx logs a request once it has answered it: wait for the lines.
  await expect.poll(() => upstreamsOf(probe)).toHaveLength(8);
  expect(new Set(upstreamsOf(probe))).toEqual(new Set(instances.map((i) => `127.0.0.1:${i.port}`)));
});

test("the app sees the real client address, whatever X-Forwarded-For the client forges", async () => {
  const first = await post(`Through nginx, first ${uniqueSuffix()}.`, PEER_A, "203.0.113.7");
  expect(first.status, first.body.toString()).toBe(201);
  // Another forged address from the same client: still that client, still inside 15 s.
  const second = await post(`Through nginx, second ${uniqueSuffix()}.`, PEER_A, "198.51.100.23");
  expect(second.status, second.body.toString()).toBe(429);
  expect(Number(second.headers["retry-after"])).toBeGreaterThan(0);
  // A different client that claims to be the first one is judged as itself.
  const other = await post(`Through nginx, from elsewhere ${uniqueSuffix()}.`, PEER_B, PEER_A);
  expect(other.status, other.body.toString()).toBe(201);
});

test("static files come from disk, immutable and compressed", async () => {
  const html = (await raw(`${nginx.url}/articles/${article.slug}`)).body.toString();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script, "the article page loads a script from /_next/static").toBeTruthy();
  const gzipped = await raw(`${nginx.url}${script}`, { headers: { "accept-encoding": "gzip" } });
  expect(gzipped.status).toBe(200);
  expect(gzipped.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(gzipped.headers["content-encoding"]).toBe("gzip");
  const plain = await raw(`${nginx.url}${script}`);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(gzipped.body.length).toBeLessThan(plain.body.length);
  if (hasBrotli()) expect((await raw(`${nginx.url}${script}`, { headers: { "accept-encoding": "br" } })).headers["content-encoding"]).toBe("br");
  // Answered by nginx from the build folder: no instance saw these requests.
  await expect.poll(() => upstreamsOf(script!)).toEqual(Array(hasBrotli() ? 3 : 2).fill("-"));
});

test("an anonymous article page comes from the micro-cache; a signed-in reader's never does", async ({ browser }) => {
  const page = `${nginx.url}/articles/${article.slug}?cached=${uniqueSuffix()}`;
  const first = await raw(page, { headers: { "accept-encoding": "gzip" } });
  expect(first.status).toBe(200);
  expect(first.headers["x-cache-status"]).toBe("MISS");
  expect(first.headers["content-encoding"]).toBe("gzip");
  const again = await raw(page);
  expect(again.headers["x-cache-status"]).toBe("HIT");
  expect(again.body.toString()).toContain(article.title);
  // Next's router asks with an RSC header (a navigation, or the live discussion's "show", which
  // must see the page as it is now): always the instances.
  for (let i = 0; i < 2; i++) expect((await raw(page, { headers: { rsc: "1" } })).headers["x-cache-status"]).toBe("BYPASS");

  const context = await browser.newContext({ baseURL: nginx.url });
  try {
    const member = newMember();
    await createAndSignIn(await context.newPage(), member, "/");
    const cookie = (await context.cookies(nginx.url)).map((c) => `${c.name}=${c.value}`).join("; ");
    expect(cookie).toContain("dept.session=");
    for (let i = 0; i < 2; i++) {
      const signedIn = await raw(page, { headers: { cookie } });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers["x-cache-status"]).toBe("BYPASS");
    }
  } finally {
    await context.close();
  }
  // Only the second anonymous page load was answered without an instance.
  await expect.poll(() => upstreamsOf(page.slice(nginx.url.length)).map((u) => u === "-")).toEqual([false, true, false, false, false, false]);
});

test("the live discussion streams through nginx, event by event", async () => {
  const events: string[] = [];
  const stream = http.get(`${nginx.url}/api/articles/${article.id}/live`, { agent: false, headers: { accept: "text/event-stream" } });
  try {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => stream.once("response", resolve).once("error", reject));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/event-stream/);
    response.on("data", (chunk: Buffer) => events.push(chunk.toString()));
    // Wait for the stream to be listening before posting; then the post must reach the open
    // connection as it happens, not when the connection ends.
    await expect.poll(() => events.join(""), { timeout: 15_000 }).toContain("event: ready");
    const before = events.join("");
    const posted = await post(`Heard live through nginx ${uniqueSuffix()}.`, PEER_C, "192.0.2.1");
    expect(posted.status, posted.body.toString()).toBe(201);
    const { url } = JSON.parse(posted.body.toString()) as { url: string };
    const id = /(\w+)$/.exec(url)?.[1];
    expect(id).toBeTruthy();
    await expect.poll(() => events.join("").slice(before.length), { timeout: 15_000 }).toContain(id!);
  } finally {
    stream.destroy();
  }
});

test("a reader behind nginx hears of a new comment and is shown it, past the micro-cache", async ({ browser }) => {
  const path = `/articles/${article.slug}`;
  // Both through nginx, so each lands on either instance; the page may come from the micro-cache.
  const listener = await reader(browser, nginx.url, path);
  const writer = await reader(browser, nginx.url, path);
  try {
    const body = `Shown through nginx ${uniqueSuffix()}.`;
    await postThroughForm(writer.page, body);
    // Its page may be a few seconds old (the micro-cache) and miss the previous test's comment
    // too: the stream's catch-up announces that one as well.
    await expect(showButton(listener.page)).toBeVisible();
    await showButton(listener.page).click();
    await expect(listener.page.getByText(body)).toBeVisible();
  } finally {
    await writer.context.close();
    await listener.context.close();
  }
});
