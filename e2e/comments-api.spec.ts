// POST /api/comments, as a script or app would use it: JSON in, JSON out, the form's rules, and
// HTTP 429 with Retry-After when posting faster than the flood limit allows.
import type { APIRequestContext } from "@playwright/test";
import { UNCOUNTED, TOO_FAST, anonEmail, articleIdOf, expect } from "./comments-helpers";
import { test, uniqueIp, uniqueSuffix } from "./fixtures";

const post = (request: APIRequestContext, data: unknown, headers: Record<string, string> = {}) => request.post("/api/comments", { data, headers });

test("an anonymous post answers 201 with the comment's address; a second straight after gets 429 and Retry-After", async ({ request, baseURL }) => {
  const id = await articleIdOf(request, UNCOUNTED);
  const email = anonEmail();
  const body = `Posted through the API ${uniqueSuffix()}`;
  const first = await post(request, { articleId: id, subject: "From a script", body, anonName: "Scripted", anonEmail: email });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created).toEqual({ id: expect.stringMatching(/^[\w-]+$/), status: "published", url: `/comments/${created.id}` });
  expect(first.headers()["location"]).toBe(created.url);

  // The permalink leads to the comment in its article, and the article shows it.
  const permalink = await request.get(created.url, { maxRedirects: 0 });
  expect(permalink.status()).toBeGreaterThanOrEqual(300);
  expect(permalink.status()).toBeLessThan(400);
  expect(new URL(permalink.headers()["location"], baseURL).pathname).toBe(UNCOUNTED.path);
  await expect.poll(async () => (await (await request.get(UNCOUNTED.path)).text()).includes(body)).toBe(true);

  const second = await post(request, { articleId: id, body: `${body}, again`, anonEmail: email });
  expect(second.status()).toBe(429);
  const retryAfter = Number(second.headers()["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(15);
  const problem = await second.json();
  expect(problem.error).toBe("rate_limited");
  expect(problem.retryAfterSeconds).toBe(retryAfter);
  expect(problem.message).toMatch(TOO_FAST);
});

test("bad input gets 400 naming the field and the limit, and nothing is stored", async ({ request }) => {
  const id = await articleIdOf(request, UNCOUNTED);
  const missingEmail = await post(request, { articleId: id, body: "No email given" });
  expect(missingEmail.status()).toBe(400);
  expect((await missingEmail.json()).fields).toEqual({ anonEmail: "Enter your email address (it is never shown)." });

  const tooLong = await post(request, { articleId: id, body: "x".repeat(10_001), anonEmail: anonEmail() });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).fields.body).toBe("Keep the comment to 10,000 characters or fewer.");

  const stray = await post(request, { articleId: id, body: "hello", anonEmail: anonEmail(), isAdmin: true });
  expect(stray.status()).toBe(400);

  const wrongType = await post(request, { articleId: 42, body: "hello", anonEmail: anonEmail() });
  expect(wrongType.status()).toBe(400);
  expect((await wrongType.json()).fields.articleId).toBeTruthy();

  const notJson = await request.post("/api/comments", { form: { articleId: id, body: "hello", anonEmail: anonEmail() } });
  expect(notJson.status()).toBe(415);

  const unknownArticle = await post(request, { articleId: "no-such-article", body: `Lost ${uniqueSuffix()}`, anonEmail: anonEmail() }, { "x-forwarded-for": uniqueIp() });
  expect(unknownArticle.status()).toBe(404);
});

test("a cross-site request is refused before anything is read", async ({ request }) => {
  const id = await articleIdOf(request, UNCOUNTED);
  const body = `Forged ${uniqueSuffix()}`;
  const forged = await post(request, { articleId: id, body, anonEmail: anonEmail() }, { origin: "https://evil.example" });
  expect(forged.status()).toBe(403);
  expect(await (await request.get(UNCOUNTED.path)).text()).not.toContain(body);
});
