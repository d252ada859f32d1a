// The server's copies of cached pages (lib/server/page-replay.js), on a real Node server whose
// handler answers as Next does: once Next has sent a cached page (a HIT), the same address is
// answered from the copy, byte for byte, while the entry is still the one Next would serve; any
// request whose answer could depend on more than the address still goes to Next.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { PER_READER, PUBLIC_PAGE } from "@/lib/http/cache-policy";
import { applyHttpCaching } from "@/lib/server/http-caching";
import { createPageReplay } from "@/lib/server/page-replay";

const NEXT_CACHE_CONTROL = "s-maxage=3600, stale-while-revalidate=31532400";
const pageBody = (etag: string) => `<!doctype html><title>${etag}</title><p>${"a cached page ".repeat(40)}</p>`;

type Answer = { status?: number; cache?: string; etag?: string; setCookie?: string };

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/**
 * A server with the replay in front of a stand-in for Next, which answers `answer()` and counts
 * the requests it got. `servable` says which ETags Next would still serve.
 */
async function start({ maxBytes = 1024 * 1024, answer = (): Answer => ({}) } = {}) {
  const servable = new Set(['"v1"', '"v2"', '"other"']);
  const replay = createPageReplay({ maxBytes, servable: (etag) => servable.has(etag) });
  const seen: string[] = [];
  let ids = 0;
  server = createServer((req, res) => {
    res.setHeader("X-Request-Id", `id-${++ids}`);
    applyHttpCaching(req, res, () => Date.parse("2026-12-04T12:00:00Z"));
    if (replay.serve(req, res)) return;
    replay.watch(req, res);
    seen.push(`${req.method} ${req.url}`);
    next(req.headers["accept-encoding"], res, answer());
  });
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { base, seen, servable, replay };
}

/** What Next does for a cached page: headers set one by one, the body (gzipped when asked) in chunks. */
function next(acceptEncoding: string | undefined, res: ServerResponse, { status = 200, cache = "HIT", etag = '"v1"', setCookie }: Answer) {
  res.statusCode = status;
  res.setHeader("Cache-Control", NEXT_CACHE_CONTROL);
  res.setHeader("ETag", etag);
  res.setHeader("Last-Modified", "Fri, 04 Dec 2026 11:00:00 GMT");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", "script-src 'sha256-abc'");
  res.setHeader("x-nextjs-cache", cache);
  if (setCookie) res.setHeader("Set-Cookie", setCookie);
  const body = pageBody(etag);
  if (acceptEncoding?.includes("gzip")) {
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Vary", "Accept-Encoding");
    const zipped = gzipSync(body);
    res.write(zipped.subarray(0, 100));
    res.end(zipped.subarray(100));
    return;
  }
  res.write(body.slice(0, 50));
  res.end(body.slice(50));
}

const plain = { "Accept-Encoding": "identity" };

describe("a cached page Next has sent", () => {
  it("is sent again from the copy, with the same body and page headers and this response's own id", async () => {
    const { base, seen } = await start();
    const first = await fetch(`${base}/articles/a`, { headers: plain });
    const second = await fetch(`${base}/articles/a`, { headers: plain });
    expect(seen).toEqual(["GET /articles/a"]);
    expect(await second.text()).toBe(await first.text());
    for (const name of ["content-type", "etag", "content-security-policy", "x-nextjs-cache", "cache-control", "last-modified"]) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    expect(second.headers.get("cache-control")).toBe(PUBLIC_PAGE);
    expect(second.headers.get("content-length")).toBe(String(pageBody('"v1"').length));
    expect(second.headers.get("x-request-id")).toBe("id-2");
  });

  it("goes back to Next once Next would no longer serve that entry (a write expired it, or a newer render replaced it)", async () => {
    const { base, seen, servable } = await start();
    await fetch(`${base}/articles/a`, { headers: plain });
    servable.delete('"v1"');
    await fetch(`${base}/articles/a`, { headers: plain });
    await fetch(`${base}/articles/a`, { headers: plain });
    expect(seen).toEqual(["GET /articles/a", "GET /articles/a", "GET /articles/a"]);
  });

  it("keeps a copy per Accept-Encoding, each as Next encoded it", async () => {
    const { base, seen } = await start();
    await fetch(`${base}/articles/a`, { headers: { "Accept-Encoding": "gzip" } });
    await fetch(`${base}/articles/a`, { headers: plain });
    const zipped = await fetch(`${base}/articles/a`, { headers: { "Accept-Encoding": "gzip" } });
    const identity = await fetch(`${base}/articles/a`, { headers: plain });
    expect(seen).toHaveLength(2);
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(await zipped.text()).toBe(pageBody('"v1"'));
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(await identity.text()).toBe(pageBody('"v1"'));
  });

  it("answers a matching If-None-Match from the copy with 304 and no body", async () => {
    const { base, seen } = await start();
    await fetch(`${base}/articles/a`, { headers: plain });
    const again = await fetch(`${base}/articles/a`, { headers: { ...plain, "If-None-Match": '"v1"' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(seen).toHaveLength(1);
  });

  it("answers HEAD from the copy with the length and no body", async () => {
    const { base, seen } = await start();
    await fetch(`${base}/articles/a`, { headers: plain });
    const head = await fetch(`${base}/articles/a`, { method: "HEAD", headers: plain });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(pageBody('"v1"').length));
    expect(await head.text()).toBe("");
    expect(seen).toHaveLength(1);
  });

  it("is sent to a signed-in reader as their own (a session changes nothing on a cached page but its Cache-Control)", async () => {
    const { base, seen } = await start();
    await fetch(`${base}/articles/a`, { headers: plain });
    const signedIn = await fetch(`${base}/articles/a`, { headers: { ...plain, Cookie: "dept.session=abc" } });
    expect(seen).toHaveLength(1);
    expect(signedIn.headers.get("cache-control")).toBe(PER_READER);
    expect(await signedIn.text()).toBe(pageBody('"v1"'));
  });
});

describe("what is never sent from a copy", () => {
  it.each([
    ["Next's router (RSC payload)", "/articles/a", { RSC: "1" }],
    ["a prefetch", "/articles/a", { "Next-Router-Prefetch": "1" }],
    ["an RSC query", "/articles/a?_rsc=abc", {}],
    ["the writer's fresh view", "/articles/a", { Cookie: "theme=dark; dept.fresh=a.123" }],
    ["draft mode", "/articles/a", { Cookie: "__prerender_bypass=1" }],
    ["a revalidation request", "/articles/a", { "x-prerender-revalidate": "1" }],
    ["the best of this week (chosen by the date)", "/best", {}],
  ])("%s", async (_what, path, headers) => {
    const { base, seen } = await start();
    await fetch(`${base}${path}`, { headers: { ...plain, ...headers } });
    await fetch(`${base}${path}`, { headers: { ...plain, ...headers } });
    expect(seen).toHaveLength(2);
  });

  it.each([
    ["a page Next rendered for this request (MISS)", { cache: "MISS" }],
    ["a page served stale while Next renders it again", { cache: "STALE" }],
    ["an answer setting a cookie", { setCookie: "dept.fresh=; Max-Age=0" }],
    ["a page Next would not serve again", { etag: '"gone"' }],
    ["a 404", { status: 404 }],
  ])("%s is not kept", async (_what, answer) => {
    const { base, seen } = await start({ answer: () => answer });
    await fetch(`${base}/articles/a`, { headers: plain });
    await fetch(`${base}/articles/a`, { headers: plain });
    expect(seen).toHaveLength(2);
  });

  it("keeps copies within its size, dropping the least recently sent first", async () => {
    const size = pageBody('"v1"').length;
    const { base, seen, replay } = await start({ maxBytes: size * 2 });
    await fetch(`${base}/articles/a`, { headers: plain });
    await fetch(`${base}/articles/b`, { headers: plain });
    await fetch(`${base}/articles/a`, { headers: plain }); // from the copy: now the most recent
    await fetch(`${base}/articles/c`, { headers: plain }); // b is dropped for it
    expect(replay.stats()).toEqual({ copies: 2, bytes: size * 2 });
    await fetch(`${base}/articles/a`, { headers: plain });
    await fetch(`${base}/articles/b`, { headers: plain });
    expect(seen).toEqual(["GET /articles/a", "GET /articles/b", "GET /articles/c", "GET /articles/b"]);
  });
});
