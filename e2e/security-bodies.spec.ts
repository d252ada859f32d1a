// Oversized request bodies (issue 9): 1 MiB and 5 MiB posted straight to every route handler
// that reads a body, and to a server action, are refused without taking the server down. Route
// handlers answer 413 (JSON to JSON clients, a small page to forms: lib/http/body-limit.ts);
// so do server actions past Next's own 1 MiB limit (proxy.ts, before Next reads the body).
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect } from "./comments-helpers";
import { FLAGSHIP_PATH, hiddenFieldsOf, test } from "./fixtures";

const MiB = 1024 * 1024;
const SIZES = [1 * MiB, 5 * MiB];

/** A comment of the flagship discussion: the rating and spotlight routes need a real one. */
async function someCommentId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(FLAGSHIP_PATH)).text();
  const id = /id="comment-([\w-]+)"/.exec(html)?.[1];
  expect(id, "the flagship article shows its comments").toBeTruthy();
  return id!;
}

async function expectStillServing(request: APIRequestContext) {
  const home = await request.get("/");
  expect(home.status()).toBe(200);
}

async function expectTooLarge(response: APIResponse, as: "json" | "page") {
  expect(response.status()).toBe(413);
  if (as === "json") {
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect((await response.json()).error).toBe("payload_too_large");
  } else {
    expect(response.headers()["content-type"]).toMatch(/^text\/html/);
    expect(await response.text()).toContain("Request too large");
  }
}

test("route handlers refuse 1 MiB and 5 MiB bodies with 413, and the site keeps serving", async ({ request, baseURL }) => {
  test.setTimeout(90_000);
  const id = await someCommentId(request);
  const origin = { origin: baseURL! };
  const form = { "content-type": "application/x-www-form-urlencoded", accept: "text/html" };
  for (const size of SIZES) {
    const filler = "x".repeat(size);
    const endpoints: [string, string, Record<string, string>, string, "json" | "page"][] = [
      ["comments API", "/api/comments", { ...origin, "content-type": "application/json" }, JSON.stringify({ articleId: "a", body: filler, anonEmail: "big@example.test" }), "json"],
      ["rating (form)", `/api/comments/${id}/rating`, { ...origin, ...form }, `control=funny&on=1&pad=${filler}`, "page"],
      ["rating (script)", `/api/comments/${id}/rating`, { ...origin, ...form, accept: "application/json" }, `control=funny&on=1&pad=${filler}`, "json"],
      ["spotlight", `/api/comments/${id}/spotlight`, { ...origin, ...form }, `kind=first&pad=${filler}`, "page"],
      ["one-click unsubscribe", "/api/newsletter/unsubscribe?token=x", { "content-type": "application/x-www-form-urlencoded" }, `List-Unsubscribe=One-Click&pad=${filler}`, "page"],
      ["sign-out", "/signout", { ...origin, ...form }, `callbackUrl=%2F&pad=${filler}`, "page"],
      ["next-auth sign-out", "/api/auth/signout", { ...origin, ...form }, `csrfToken=x&callbackUrl=%2F&pad=${filler}`, "page"],
      ["next-auth sign-in", "/api/auth/callback/credentials", { ...origin, ...form }, `csrfToken=x&email=a%40example.test&password=${filler}`, "page"],
    ];
    for (const [name, path, headers, data, as] of endpoints) {
      await test.step(`${name}: ${size / MiB} MiB`, async () => {
        await expectTooLarge(await request.post(path, { headers, data, maxRedirects: 0 }), as);
        await expectStillServing(request);
      });
    }
  }
});

test("a server action refuses 1 MiB and 5 MiB bodies with 413, and the site keeps serving", async ({ request, browser, baseURL }) => {
  test.setTimeout(60_000);
  // The footer's newsletter form is a server action on every page: post its own hidden fields
  // (which name the action) with a huge address, as a form without JavaScript would.
  const hidden = await hiddenFieldsOf(browser, baseURL, "/", (page) => page.locator(".newsletter-signup__form"));
  expect(Object.keys(hidden).some((name) => name.startsWith("$ACTION_")), "the home page carries a server action form").toBe(true);
  for (const size of SIZES) {
    await test.step(`${size / MiB} MiB`, async () => {
      const response = await request.post("/", { headers: { origin: baseURL! }, multipart: { ...hidden, email: `${"x".repeat(size)}@example.test` }, maxRedirects: 0 });
      await expectTooLarge(response, "page");
      expect(await response.text()).toContain("this site accepts at most 1,024 KiB");
      await expectStillServing(request);
    });
  }
});
