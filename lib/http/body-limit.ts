// Request bodies of route handlers, read with a ceiling. `request.json()`/`formData()` read a body
// whole into memory, whatever its size; here a body over the limit is refused with 413 before
// that. A Content-Length over the limit is refused without reading a byte (Node then discards
// the upload, so the client gets its answer); a body without one (chunked) is counted as it
// streams, and nothing past the limit is kept. Server actions have Next's own limit of 1 MiB,
// which Next reports as a 500; proxy.ts refuses a body declared larger with 413 first.
import { jsonProblem } from "./json";

/** Next's limit for a server action's body (serverActions.bodySizeLimit, left at its default). */
export const SERVER_ACTION_LIMIT = 1024 * 1024;

/** Every small form posted to a route handler (rating, spotlight, sign-out, unsubscribe). */
export const SMALL_FORM_LIMIT = 16 * 1024;

// After a chunked body passes the limit, the rest is read and dropped (not kept) up to this much
// more, so that the client, still sending, reads the 413 instead of a reset connection; a body
// longer still has its connection dropped.
const DRAIN_MAX = 8 * 1024 * 1024;

export type Limited<T> = { ok: true; value: T } | { ok: false; response: Response };

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en-US")} KiB`;

/** Whoever asked for JSON (or sent it) gets JSON; a browser's form gets a small page. */
function wantsJson(request: Request): boolean {
  return /application\/json/i.test(request.headers.get("accept") ?? "") || /^application\/json\b/i.test(request.headers.get("content-type") ?? "");
}

export function payloadTooLarge(request: Request, limit: number, accepting = "this address"): Response {
  const message = `The request is too large: ${accepting} accepts at most ${kib(limit)}. Nothing was changed.`;
  if (wantsJson(request)) return jsonProblem(413, { error: "payload_too_large", message });
  const page = `<!doctype html>\n<html lang="en"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Request too large</title>\n<h1>Request too large</h1>\n<p>${message}</p>\n<p><a href="/">Back to the front page</a></p>\n</html>\n`;
  return new Response(page, { status: 413, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    dropped += value.byteLength;
    if (dropped > DRAIN_MAX) {
      await reader.cancel().catch(() => undefined);
      return;
    }
  }
}

/** The body's bytes, or a 413 when there are more than `limit` of them. */
export async function readBody(request: Request, limit: number): Promise<Limited<Uint8Array<ArrayBuffer>>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return { ok: false, response: payloadTooLarge(request, limit) };
  if (!request.body) return { ok: true, value: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      chunks.length = 0;
      await drain(reader);
      return { ok: false, response: payloadTooLarge(request, limit) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, value: bytes };
}

/** A JSON body of at most `limit` bytes; `undefined` when it is not JSON (for the schema to refuse). */
export async function readJson(request: Request, limit: number): Promise<Limited<unknown>> {
  const body = await readBody(request, limit);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(body.value)) as unknown };
  } catch {
    return { ok: true, value: undefined };
  }
}

/** A form (urlencoded or multipart) of at most `limit` bytes; `null` when it is not a form. */
export async function readForm(request: Request, limit: number = SMALL_FORM_LIMIT): Promise<Limited<FormData | null>> {
  const body = await readBody(request, limit);
  if (!body.ok) return body;
  const type = request.headers.get("content-type") ?? "";
  try {
    return { ok: true, value: await new Response(body.value, { headers: { "Content-Type": type } }).formData() };
  } catch {
    return { ok: true, value: null };
  }
}
