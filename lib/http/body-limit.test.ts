// The body ceiling of route handlers, on Request objects as Next hands them over: a declared
// length over the limit is refused unread, a chunked body is cut off as it passes the limit, and
// the refusal is JSON for JSON clients and a small page for browsers' forms.
import { describe, expect, it } from "vitest";
import { payloadTooLarge, readBody, readForm, readJson, SMALL_FORM_LIMIT } from "./body-limit";

const MiB = 1024 * 1024;
const url = "http://localhost:3000/api/comments";

/** A body streamed in chunks, made as it is pulled; counts what was pulled and whether it was cancelled. */
function streamed(total: number, chunk = 64 * 1024) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - seen.pulled);
      seen.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

function post(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readBody", () => {
  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, seen } = streamed(5 * MiB);
    const result = await readBody(post(stream, { "content-length": String(5 * MiB) }), MiB - 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(64 * 1024); // at most the stream's first, eager chunk
  });

  it.each([1 * MiB, 5 * MiB])("refuses a chunked body of %i bytes as it passes the limit, and drains the rest", async (total) => {
    const { stream, seen } = streamed(total);
    const result = await readBody(post(stream), SMALL_FORM_LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(413);
    // Read to the end (dropped, not kept), so a client still sending reads the answer.
    expect(seen.pulled).toBe(total);
    expect(seen.cancelled).toBe(false);
  });

  it("drops the connection of a chunked body that goes on past what it is willing to drain", async () => {
    const { stream, seen } = streamed(64 * MiB);
    const result = await readBody(post(stream), SMALL_FORM_LIMIT);
    expect(result.ok).toBe(false);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(12 * MiB);
  });

  it("reads a body at the limit exactly, and one of one byte less than a MiB under a 1 MiB limit", async () => {
    const atLimit = await readBody(post(new Uint8Array(SMALL_FORM_LIMIT)), SMALL_FORM_LIMIT);
    expect(atLimit.ok && atLimit.value.byteLength).toBe(SMALL_FORM_LIMIT);
    const { stream } = streamed(MiB - 1);
    const big = await readBody(post(stream), MiB - 1);
    expect(big.ok && big.value.byteLength).toBe(MiB - 1);
    const over = await readBody(post(new Uint8Array(SMALL_FORM_LIMIT + 1)), SMALL_FORM_LIMIT);
    expect(over.ok).toBe(false);
  });

  it("reads an empty body and a missing one as no bytes", async () => {
    expect(await readBody(post(""), 10)).toEqual({ ok: true, value: new Uint8Array(0) });
    expect(await readBody(new Request(url, { method: "POST" }), 10)).toEqual({ ok: true, value: new Uint8Array(0) });
  });
});

describe("the 413 answer", () => {
  it("is JSON for a client that sends or asks for JSON", async () => {
    for (const headers of [{ "content-type": "application/json" }, { accept: "application/json" }] as Record<string, string>[]) {
      const response = payloadTooLarge(post("{}", headers), SMALL_FORM_LIMIT);
      expect(response.status).toBe(413);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: "payload_too_large", message: "The request is too large: this address accepts at most 16 KiB. Nothing was changed." });
    }
  });

  it("is a small page for a browser's form", async () => {
    const response = payloadTooLarge(post("a=1", { "content-type": "application/x-www-form-urlencoded", accept: "text/html,*/*" }), SMALL_FORM_LIMIT);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await response.text();
    expect(page).toContain("<h1>Request too large</h1>");
    expect(page.length).toBeLessThan(1024);
  });
});

describe("readJson and readForm", () => {
  it("parse bodies under the limit", async () => {
    expect(await readJson(post(JSON.stringify({ body: "héllo" }), { "content-type": "application/json" }), 1024)).toEqual({ ok: true, value: { body: "héllo" } });
    const urlencoded = await readForm(post("control=funny&on=1", { "content-type": "application/x-www-form-urlencoded" }));
    expect(urlencoded.ok && urlencoded.value?.get("control")).toBe("funny");
    const multipart = new FormData();
    multipart.set("kind", "first");
    const parsed = await readForm(post(multipart));
    expect(parsed.ok && parsed.value?.get("kind")).toBe("first");
  });

  it("give undefined for a body that is not JSON and null for one that is not a form", async () => {
    expect(await readJson(post("{not json", { "content-type": "application/json" }), 1024)).toEqual({ ok: true, value: undefined });
    expect(await readForm(post("just text", { "content-type": "text/plain" }))).toEqual({ ok: true, value: null });
  });

  it("refuse, as JSON, a JSON body over the limit", async () => {
    const result = await readJson(post(JSON.stringify({ body: "x".repeat(2048) }), { "content-type": "application/json" }), 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect((await result.response.json()).error).toBe("payload_too_large");
  });
});
