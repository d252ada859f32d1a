// HTTP caching as the rest of the web sees it (lib/server/http-caching.js): cached pages and
// feeds answer If-None-Match and If-Modified-Since with 304, and never once they changed; each
// kind of page says what a CDN, nginx or the browser may keep; nothing answering a signed-in
// request is `public`; and the sign-in page, no longer `no-store`, is kept in the back/forward cache.
import type { APIRequestContext, APIResponse, Response } from "@playwright/test";
import { ARTICLES, expect, postViaApi } from "./comments-helpers";
import { createMemberAndSignIn, newMember, test, uniqueSuffix } from "./fixtures";

const ARTICLE = ARTICLES.httpCaching.path;
const PUBLIC_PAGE = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;
const PER_READER = "private, no-cache";

/**
 * The response once it carries a Last-Modified: a render's date is sent only after its second is
 * over (two renders in one second would share it), so a page rendered just now shows it a moment later.
 */
async function dated(request: APIRequestContext, path: string): Promise<APIResponse> {
  let response: APIResponse | undefined;
  await expect
    .poll(async () => {
      response = await request.get(path);
      return response.headers()["last-modified"] ?? "none yet";
    })
    .toMatch(/GMT$/);
  return response!;
}

const secondBefore = (date: string) => new Date(Date.parse(date) - 1000).toUTCString();

test("a feed answers a reader's If-None-Match and If-Modified-Since with 304 and no body", async ({ request }) => {
  const feed = await dated(request, "/feed.xml");
  const { etag, "last-modified": lastModified } = feed.headers();
  expect(etag).toMatch(/^(W\/)?"[^"]+"$/);

  const byTag = await request.get("/feed.xml", { headers: { "If-None-Match": etag } });
  expect(byTag.status()).toBe(304);
  expect((await byTag.body()).length).toBe(0);
  expect(byTag.headers().etag).toBe(etag);

  const byDate = await request.get("/feed.xml", { headers: { "If-Modified-Since": lastModified } });
  expect(byDate.status()).toBe(304);
  expect((await byDate.body()).length).toBe(0);

  // A copy older than the feed, or one with another tag, gets the whole feed.
  const older = await request.get("/feed.xml", { headers: { "If-Modified-Since": secondBefore(lastModified) } });
  expect(older.status()).toBe(200);
  expect(await older.text()).toBe(await feed.text());
  expect((await request.get("/feed.xml", { headers: { "If-None-Match": '"another"' } })).status()).toBe(200);
});

test("an article page answers 304 while unchanged; after a comment the same requests get the page with it", async ({ page, request }) => {
  const before = await dated(request, ARTICLE);
  const { etag, "last-modified": lastModified } = before.headers();
  expect(etag).toBeTruthy();
  const conditions: Record<string, string>[] = [{ "If-None-Match": etag }, { "If-Modified-Since": lastModified }];
  for (const headers of conditions) {
    const response = await request.get(ARTICLE, { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(304);
    expect((await response.body()).length).toBe(0);
  }

  await createMemberAndSignIn(page, newMember(), "/");
  const text = `A comment that changes the page's validators ${uniqueSuffix()}`;
  await postViaApi(page, ARTICLES.httpCaching, { body: text });
  // Another reader sees the write within seconds (the page is rebuilt at once and again shortly after).
  await expect.poll(async () => (await request.get(ARTICLE)).text().then((html) => html.includes(text))).toBe(true);

  // From then on, the copy the client kept is not current: both conditions get the new page.
  for (const headers of conditions) {
    const response = await request.get(ARTICLE, { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(200);
    expect(await response.text()).toContain(text);
    expect(response.headers().etag).not.toBe(etag);
  }
});

test("each kind of page says what others may keep of it", async ({ page, request }) => {
  const html = await (await request.get(ARTICLE)).text();
  const tag = /href="(\/tags\/[^"/?#]+)"/.exec(html)?.[1];
  expect(tag, "the article links a tag").toBeTruthy();
  const controlOf = async (path: string, via: APIRequestContext) => {
    const response = await via.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    return response.headers()["cache-control"];
  };

  // Anonymous: cached pages are public for a few seconds, forms the reader's own, data private.
  for (const path of [ARTICLE, "/", tag!]) expect(await controlOf(path, request), path).toMatch(PUBLIC_PAGE);
  for (const path of ["/signin", "/register", "/forgot-password"]) expect(await controlOf(path, request), path).toBe(PER_READER);
  expect(await controlOf("/feed.xml", request)).toMatch(/^public\b/);
  expect(await controlOf("/api/viewer", request)).toMatch(/no-store/);

  // Signed in: the same cached page is the reader's own; pages with private data are not stored.
  await createMemberAndSignIn(page, newMember(), "/");
  for (const path of [ARTICLE, "/", "/feed.xml", "/signin"]) expect(await controlOf(path, page.request), path).toBe(PER_READER);
  for (const path of ["/settings", "/notifications", "/api/viewer"]) expect(await controlOf(path, page.request), path).toMatch(/no-store/);
});

test("nothing a signed-in reader's browser is sent may be stored by a shared cache", async ({ page }) => {
  await createMemberAndSignIn(page, newMember(), "/");
  const seen: Response[] = [];
  page.on("response", (response) => seen.push(response));
  const html = await (await page.request.get(ARTICLE)).text();
  const tag = /href="(\/tags\/[^"/?#]+)"/.exec(html)![1];
  for (const path of [ARTICLE, "/", tag, "/settings", "/signin", "/feed.xml"]) {
    await page.goto(path);
    // The islands' own requests (who is reading, their votes) have gone out by then.
    await page.waitForLoadState("load");
  }
  const origin = new URL(page.url()).origin;
  // Content-addressed build files (/_next/static, `immutable`) are the same for everyone, forever.
  const fromUs = seen.filter((r) => r.url().startsWith(origin) && !new URL(r.url()).pathname.startsWith("/_next/static/"));
  expect(fromUs.length).toBeGreaterThan(6);
  const shared = await Promise.all(fromUs.map(async (r) => [r.url(), (await r.allHeaders())["cache-control"] ?? ""] as const));
  expect(shared.filter(([, control]) => /\bpublic\b|s-maxage/.test(control))).toEqual([]);
});

test("the sign-in page is restored from the back/forward cache", async ({ playwright, launchOptions, baseURL }) => {
  // Playwright turns Chromium's back/forward cache off by default; a browser of this test's own keeps it.
  const browser = await playwright.chromium.launch({ ...launchOptions, ignoreDefaultArgs: ["--disable-back-forward-cache"] });
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto("/signin");
    await page.evaluate(() => {
      const w = window as unknown as { restored?: boolean };
      w.restored = false;
      addEventListener("pageshow", (event) => (w.restored = event.persisted));
    });
    await page.goto("/");
    await page.goBack({ waitUntil: "commit" });
    await expect(page).toHaveURL(/\/signin$/);
    // Restored: the same document, whose pageshow says so. Loaded again: a new one, without the flag.
    const outcome = async () =>
      page.evaluate(() => {
        const restored = (window as unknown as { restored?: boolean }).restored;
        if (restored) return "restored";
        const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming & { notRestoredReasons?: unknown };
        return `not restored: ${JSON.stringify(entry?.notRestoredReasons ?? null)}`;
      });
    await expect.poll(outcome).toBe("restored");
  } finally {
    await browser.close();
  }
});
