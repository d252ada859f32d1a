// The rate limits of the other issues, met the way a script meets them: requests sent straight
// to the endpoints (the comment API, the rating route, and the sign-in and newsletter forms'
// server actions posted as a browser without JavaScript posts them), many at once from one
// address. Exactly the limit gets through, the rest are refused, and nothing is counted twice.
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { UNCOUNTED, anonEmail, articleIdOf, commentWithText, expect, postViaApi, registerMember } from "./comments-helpers";
import { hiddenFieldsOf, newMember, test, uniqueIp, uniqueSuffix } from "./fixtures";
import { mailsTo, waitForMail } from "./mail";

test.describe.configure({ timeout: 120_000 });

/** A script's HTTP client, every request from the one client address. */
async function clientAt(baseURL: string, ip: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip, origin: new URL(baseURL).origin } });
}

/** Which of the expected messages the page answering a form post shows. */
async function answerOf(response: APIResponse, messages: Record<string, string>): Promise<string> {
  if (response.status() === 303) return "redirected";
  const html = await response.text();
  const shown = Object.entries(messages).filter(([, text]) => html.includes(text));
  return shown.length === 1 ? shown[0][0] : `unexpected (${response.status()}: ${shown.map(([k]) => k).join(", ") || "no message"})`;
}

function tally(answers: (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
  return counts;
}

function expectRetryAfter(response: APIResponse, atMostSeconds: number): void {
  const seconds = Number(response.headers()["retry-after"]);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= atMostSeconds, `Retry-After ${response.headers()["retry-after"]}`).toBe(true);
}

test("ten comments sent at once to the API from one address: one is stored, nine get 429 with Retry-After", async ({ request }) => {
  const articleId = await articleIdOf(request, UNCOUNTED);
  const bodies = Array.from({ length: 10 }, (_, i) => `Burst ${i} ${uniqueSuffix()}`);
  const responses = await Promise.all(bodies.map((body) => request.post("/api/comments", { data: { articleId, subject: "Burst", body, anonEmail: anonEmail() } })));
  expect(tally(responses.map((r) => r.status()))).toEqual({ 201: 1, 429: 9 });
  for (const refused of responses.filter((r) => r.status() === 429)) {
    expectRetryAfter(refused, 15);
    expect((await refused.json()).error).toBe("rate_limited");
  }

  const stored = bodies[responses.findIndex((r) => r.status() === 201)];
  await expect.poll(async () => (await (await request.get(UNCOUNTED.path)).text()).includes(stored)).toBe(true);
  const page = await (await request.get(UNCOUNTED.path)).text();
  expect(bodies.filter((body) => page.includes(body))).toEqual([stored]);
});

test("seventy ratings sent at once from one visitor's address: sixty are taken, ten refused with 429, and the vote counts once", async ({ page, baseURL }) => {
  await registerMember(page, newMember());
  const body = `Rated in a burst ${uniqueSuffix()}`;
  const commentId = await postViaApi(page, UNCOUNTED, { subject: "Rated in a burst", body });

  const visitor = await clientAt(baseURL!, uniqueIp());
  const rate = () => visitor.post(`/api/comments/${commentId}/rating`, { form: { control: "insightful", on: "1" }, headers: { accept: "application/json" } });
  // The first leaves the visitor's cookie, so the burst comes from one visitor, as a script's would.
  expect((await rate()).status()).toBe(200);
  const burst = await Promise.all(Array.from({ length: 69 }, rate));
  expect(tally(burst.map((r) => r.status()))).toEqual({ 200: 59, 429: 10 });
  for (const refused of burst.filter((r) => r.status() === 429)) {
    expectRetryAfter(refused, 600);
    expect((await refused.json()).message).toMatch(/^You are rating very fast\. Please try again in \d+ minutes?\.$/);
  }
  await visitor.dispose();

  await page.goto(UNCOUNTED.path);
  await expect(commentWithText(page, body).locator(".rating__counts")).toHaveText("Your comment: 1 insightful · 0 funny · flag weight 0");
});

test("twenty-five wrong passwords sent at once to the sign-in form from one address: twenty are checked, the rest refused, and then the right one too", async ({ page, browser, baseURL }) => {
  const member = newMember();
  await registerMember(page, member);
  const fields = await hiddenFieldsOf(browser, baseURL, "/signin", (page) => page.locator("main form:has(input[name='password'])"));
  const messages = { wrong: "Wrong email or password.", tooMany: "Too many failed sign-in attempts. Please try again in" };
  const signIn = (client: APIRequestContext, email: string, password: string) => client.post("/signin", { multipart: { ...fields, email, password }, maxRedirects: 0 });

  const attacker = await clientAt(baseURL!, uniqueIp());
  const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => signIn(attacker, `nobody.${uniqueSuffix()}@example.test`, `guess number ${i}`)));
  expect(tally(await Promise.all(guesses.map((r) => answerOf(r, messages))))).toEqual({ wrong: 20, tooMany: 5 });
  expect(await answerOf(await signIn(attacker, member.email, member.password), messages)).toBe("tooMany");
  await attacker.dispose();

  // The limit is the address's: the member signs in from their own.
  const own = await clientAt(baseURL!, uniqueIp());
  const signedIn = await signIn(own, member.email, member.password);
  expect(await answerOf(signedIn, messages)).toBe("redirected");
  expect(signedIn.headers()["set-cookie"] ?? "").toMatch(/(^|\s|,)(__Secure-)?dept\.session=/);
  await own.dispose();
});

test("fourteen newsletter sign-ups sent at once from one address: ten get their mail, four are refused and get none", async ({ browser, baseURL }) => {
  const fields = await hiddenFieldsOf(browser, baseURL, "/", (page) => page.locator(".newsletter-signup__form"));
  const messages = { done: "Check your inbox: we sent you a mail about your subscription.", tooMany: "Too many sign-ups in a short time." };
  const addresses = Array.from({ length: 14 }, () => `burst.${uniqueSuffix()}@example.test`);
  const client = await clientAt(baseURL!, uniqueIp());
  const answers = await Promise.all(addresses.map(async (email) => answerOf(await client.post("/", { multipart: { ...fields, email }, maxRedirects: 0 }), messages)));
  await client.dispose();
  expect(tally(answers)).toEqual({ done: 10, tooMany: 4 });

  for (const [i, email] of addresses.entries()) {
    if (answers[i] === "done") await waitForMail(email, /^Confirm your subscription/);
  }
  expect(addresses.filter((email, i) => answers[i] === "tooMany" && mailsTo(email).length > 0)).toEqual([]);
});
