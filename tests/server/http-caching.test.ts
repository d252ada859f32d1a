// The server's HTTP caching (lib/server/http-caching.js) on a real Node server standing in for
// Next: whatever the handler sets and writes, the client gets the right Cache-Control, a
// Last-Modified only once it is safe, and a 304 without a body for a copy that is still current.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PER_READER, PUBLIC_PAGE } from "@/lib/http/cache-policy";
import { applyHttpCaching } from "@/lib/server/http-caching";

const RENDERED = "Thu, 03 Dec 2026 14:00:00 GMT";
const LATER = Date.parse("2026-12-03T14:05:00Z");
const SAME_SECOND = Date.parse("2026-12-03T14:00:00.600Z");
const BODY = "<!doctype html><p>a cached page</p>";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server whose handler answers as Next does for a cached page, with the clock at `now`. */
async function serve(now: number, handler?: RequestListener): Promise<string> {
  const page: RequestListener = (_req, res) => {
    res.setHeader("Cache-Control", "s-maxage=3600, stale-while-revalidate=31532400");
    res.setHeader("ETag", '"v1"');
    res.setHeader("Last-Modified", RENDERED);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    // Streamed, as a route handler's body is: the head goes out with the first chunk.
    res.write(BODY.slice(0, 10));
    res.end(BODY.slice(10));
  };
  server = createServer((req, res) => {
    applyHttpCaching(req, res, () => now);
    (handler ?? page)(req, res);
  });
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("conditional GET", () => {
  it("answers a current ETag with 304 and no body, keeping the validators and Cache-Control", async () => {
    const base = await serve(LATER);
    const res = await fetch(`${base}/articles/a`, { headers: { "If-None-Match": '"v1"' } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe('"v1"');
    expect(res.headers.get("cache-control")).toBe(PUBLIC_PAGE);
    expect(res.headers.get("content-length")).toBeNull();
  });

  it("sends a page's RSC payload without the page's ETag, and never a 304 for it", async () => {
    const base = await serve(LATER);
    const res = await fetch(`${base}/articles/a?_rsc=x1`, { headers: { RSC: "1", "If-None-Match": '"v1"' } });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeNull();
    expect(await res.text()).toBe(BODY);
  });

  it("answers a changed ETag with the whole response, whatever the date says", async () => {
    const base = await serve(LATER);
    const res = await fetch(`${base}/articles/a`, { headers: { "If-None-Match": '"v0"', "If-Modified-Since": RENDERED } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(BODY);
  });

  it("answers If-Modified-Since with 304 when nothing was rendered since, 200 when it was", async () => {
    const base = await serve(LATER);
    const same = await fetch(`${base}/feed.xml`, { headers: { "If-Modified-Since": RENDERED } });
    expect([same.status, await same.text()]).toEqual([304, ""]);
    const older = await fetch(`${base}/feed.xml`, { headers: { "If-Modified-Since": "Thu, 03 Dec 2026 13:59:59 GMT" } });
    expect([older.status, await older.text()]).toEqual([200, BODY]);
    expect(older.headers.get("last-modified")).toBe(RENDERED);
  });

  it("sends no Last-Modified in the second the page was rendered, so it cannot vouch for a later render in that second", async () => {
    const base = await serve(SAME_SECOND);
    const res = await fetch(`${base}/articles/a`, { headers: { "If-Modified-Since": RENDERED } });
    expect(res.status).toBe(200);
    expect(res.headers.get("last-modified")).toBeNull();
    expect(await res.text()).toBe(BODY);
  });

  it("leaves other methods and statuses alone", async () => {
    const base = await serve(LATER, (_req, res) => {
      res.setHeader("ETag", '"v1"');
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not here");
    });
    const missing = await fetch(`${base}/nothing`, { headers: { "If-None-Match": '"v1"' } });
    expect([missing.status, await missing.text()]).toEqual([404, "not here"]);
    const post = await fetch(`${base}/nothing`, { method: "POST", headers: { "If-None-Match": '"v1"' } });
    expect(post.status).toBe(404);
  });
});

describe("Cache-Control", () => {
  it("is never public for a request with a session cookie, even on a page that is the same for everyone", async () => {
    const base = await serve(LATER);
    const res = await fetch(`${base}/articles/a`, { headers: { Cookie: "theme=dark; dept.session=abc" } });
    expect(res.headers.get("cache-control")).toBe(PER_READER);
    expect(await res.text()).toBe(BODY);
  });

  it("applies to headers given to writeHead too", async () => {
    const base = await serve(LATER, (_req, res) => {
      res.writeHead(200, { "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate", "Content-Type": "text/html" }).end("form");
    });
    const res = await fetch(`${base}/signin`);
    expect(res.headers.get("cache-control")).toBe(PER_READER);
    expect(await res.text()).toBe("form");
  });

  it("sends a replayed redirect's Location once, as Next's cached redirect appends it a second time", async () => {
    const base = await serve(LATER, (_req, res) => {
      res.appendHeader("Location", "/?page=2");
      res.appendHeader("Location", "/?page=2");
      res.writeHead(307).end();
    });
    const res = await fetch(`${base}/?page=99`, { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/?page=2");
  });
});
