// Every route handler that reads a body refuses 1 MiB and 5 MiB with 413 before it reads or does
// anything else (no session is looked at, nothing is written): called directly, with bodies that
// declare their length and with chunked ones that do not.
import { describe, expect, it } from "vitest";
import { POST as postComment } from "@/app/api/comments/route";
import { POST as rate } from "@/app/api/comments/[id]/rating/route";
import { POST as spotlight } from "@/app/api/comments/[id]/spotlight/route";
import { POST as unsubscribe } from "@/app/api/newsletter/unsubscribe/route";
import { POST as signOut } from "@/app/signout/route";
import { POST as nextAuth } from "@/app/api/auth/[...nextauth]/route";
import { env } from "../env";

const MiB = 1024 * 1024;
const params = { params: Promise.resolve({ id: "c123" }) };
const site = () => new URL(env().siteUrl).origin;

type Route = [name: string, path: string, call: (request: Request) => Promise<Response>, contentType: string, answer: "json" | "page"];
const ROUTES: Route[] = [
  ["comments API", "/api/comments", postComment, "application/json", "json"],
  ["rating", "/api/comments/c123/rating", (r) => rate(r, params), "application/x-www-form-urlencoded", "page"],
  ["spotlight", "/api/comments/c123/spotlight", (r) => spotlight(r, params), "application/x-www-form-urlencoded", "page"],
  ["unsubscribe", "/api/newsletter/unsubscribe?token=x", unsubscribe, "application/x-www-form-urlencoded", "page"],
  ["sign-out", "/signout", signOut, "application/x-www-form-urlencoded", "page"],
  ["next-auth", "/api/auth/signout", (r) => nextAuth(r, { params: Promise.resolve({ nextauth: ["signout"] }) }), "application/x-www-form-urlencoded", "page"],
];

function body(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = Math.min(64 * 1024, size - sent);
      sent += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(120));
    },
  });
}

describe.each(ROUTES)("%s", (_name, path, call, contentType, answer) => {
  it.each([
    [1 * MiB, true],
    [5 * MiB, true],
    [1 * MiB, false],
    [5 * MiB, false],
  ])("refuses %i bytes with 413 (length declared: %s)", async (size, declared) => {
    const headers: Record<string, string> = { origin: site(), "content-type": contentType, ...(declared ? { "content-length": String(size) } : {}) };
    const response = await call(new Request(`${site()}${path}`, { method: "POST", headers, body: body(size), duplex: "half" } as RequestInit));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(answer === "json" ? /^application\/json/ : /^text\/html/);
  });
});
