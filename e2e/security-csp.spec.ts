// The script policy: what a browser will run on each kind of page. Pages rendered per request
// allow scripts carrying that response's nonce; cached pages (articles, their other views and
// pages, the 404 page) allow exactly their own inline scripts, by hash. Either way Next's client
// runs, and a script that got into the page some other way does not.
import { expect, type Page, type APIResponse } from "@playwright/test";
import { UNCOUNTED, anonEmail, openUntil } from "./comments-helpers";
import { FLAGSHIP_PATH, FLAGSHIP_SLUG, freshCookieFor, test, uniqueSuffix } from "./fixtures";

type Header = { name: string; value: string };

/** Every Content-Security-Policy header of a response (cached pages carry two: base, and with scripts). */
async function policies(response: APIResponse | { headersArray(): Promise<Header[]> }): Promise<string[]> {
  const all: Header[] = await response.headersArray();
  return all.filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
}

/** The one policy among them that restricts scripts. */
async function scriptPolicy(response: Parameters<typeof policies>[0]): Promise<string> {
  const withScripts = (await policies(response)).filter((p) => p.includes("script-src"));
  expect(withScripts).toHaveLength(1);
  return withScripts[0];
}

function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Next's client starts (it announces itself on window.next), so the page's own scripts ran. */
async function expectClientRuns(page: Page) {
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
}

// What a stored injection would be: markup in the page's HTML as the server sent it — an inline
// script and two event handlers. The test puts it there on the way to the
// browser (the sanitizer would never let it through), keeping the response's own headers. Each
// would run as the parser reaches it, before any client rendering could replace it.
const INJECTED = [
  "<script>window.__injected = (window.__injected || 0) + 1</script>",
  '<img src="data:," onerror="window.__injected = (window.__injected || 0) + 1">',
  '<svg onload="window.__injected = (window.__injected || 0) + 1"></svg>',
].join("");

/** Loads `path` with INJECTED in it; meant as a test's last step (the route stays on the page). */
async function expectInjectedMarkupBlocked(page: Page, path: string) {
  await page.route((url) => url.pathname === path.split("?")[0], async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await route.fetch();
    // At the end of <body>, where React's hydration leaves foreign nodes alone.
    const html = await response.text();
    const end = html.lastIndexOf("</body>");
    const body = `${html.slice(0, end)}${INJECTED}${html.slice(end)}`;
    await route.fulfill({ response, body });
  });
  const violations = collectViolations(page);
  await page.goto(path);
  await expectClientRuns(page);
  // The browser reports each refusal (the script, and the two handlers).
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
}

/** Every inline script the page holds, hashed as the browser hashes it. */
function inlineScriptHashes(page: Page): Promise<string[]> {
  return page.locator("script:not([src])").evaluateAll(async (els) => {
    const hashes: string[] = [];
    for (const el of els) {
      const text = el.textContent ?? "";
      if (!text) continue;
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
      hashes.push(btoa(String.fromCharCode(...new Uint8Array(digest))));
    }
    return hashes;
  });
}

test("pages rendered per request allow only scripts with a fresh nonce, and still run them", async ({ page, request }) => {
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    const policy = await scriptPolicy(await request.get("/register"));
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    seen.push(policy);
  }
  expect(seen[0]).not.toBe(seen[1]);

  const violations = collectViolations(page);
  const response = await page.goto("/signin");
  const nonce = /'nonce-([^']+)'/.exec(await scriptPolicy(response!))?.[1];
  expect(nonce).toBeTruthy();
  // Every script Next wrote into the page carries this response's nonce...
  const scripts = await page.locator("script:not([type='application/ld+json'])").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  // ...so they run, and nothing else does.
  await expectClientRuns(page);
  expect(violations).toEqual([]);
  await expectInjectedMarkupBlocked(page, "/signin");
});

// A browser's prefetch of a page (Purpose: prefetch) is what it shows when the link is followed;
// the router's prefetches are answered with the same policy.
test("pages rendered per request keep their nonce policy when prefetched", async ({ request }) => {
  const prefetches: Record<string, string>[] = [{ purpose: "prefetch" }, { "sec-purpose": "prefetch" }, { rsc: "1", "next-router-prefetch": "1" }];
  for (const headers of prefetches) {
    for (const path of ["/register", "/signin"]) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBeLessThan(400);
      expect(await scriptPolicy(response), `${path} ${JSON.stringify(headers)}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    }
  }
});

for (const [what, path] of [
  ["an article page", FLAGSHIP_PATH],
  ["another view of it", `${FLAGSHIP_PATH}?view=flat&sort=newest`],
  ["the front page", "/"],
  ["a later page of it", "/?page=2"],
  ["the best of the week", "/best"],
  ["an unknown article (404)", "/articles/no-article-has-this-address"],
  ["an unknown address (the prerendered 404 page)", "/no-page-has-this-address"],
] as const) {
  test(`a cached page allows exactly its own inline scripts, by hash: ${what}`, async ({ page }) => {
    const violations = collectViolations(page);
    // Twice: the render that fills the cache and a reader served from it get the same treatment.
    for (let i = 0; i < 2; i++) {
      const response = await page.goto(path);
      const policy = await scriptPolicy(response!);
      expect(policy).toMatch(/^frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'[^;]*; script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
      expect(policy).not.toContain("unsafe-inline");
      expect(policy).not.toContain("nonce-");
      const hashes = await inlineScriptHashes(page);
      expect(hashes.length).toBeGreaterThan(0);
      for (const hash of hashes) expect(policy).toContain(`'sha256-${hash}'`);
      await expectClientRuns(page);
    }
    expect(violations).toEqual([]);
    await expectInjectedMarkupBlocked(page, path);
  });
}

test("after a new comment the rebuilt cached page allows its new scripts, and only those", async ({ page, request }) => {
  const violations = collectViolations(page);
  const before = await scriptPolicy((await page.goto(UNCOUNTED.path))!);

  // Another visitor posts (straight to the API, from its own address): the article's cached
  // page is rendered again, and its flight data, an inline script, now holds the new comment.
  const body = `Policy follows the page ${uniqueSuffix()}`;
  const html = await (await request.get(UNCOUNTED.path)).text();
  const articleId = /name="articleId" value="([^"]+)"/.exec(html)?.[1];
  const posted = await request.post("/api/comments", { data: { articleId, subject: "Hashes", body, anonName: "Hasher", anonEmail: anonEmail() } });
  expect(posted.status(), await posted.text()).toBe(201);

  await openUntil(page, UNCOUNTED.path, async () => (await page.getByText(body, { exact: true }).count()) === 1);
  const response = await page.reload();
  const policy = await scriptPolicy(response!);
  expect(policy).not.toBe(before);
  const hashes = await inlineScriptHashes(page);
  const listed = policy.match(/'sha256-[^']+'/g) ?? [];
  expect(new Set(listed)).toEqual(new Set(hashes.map((h) => `'sha256-${h}'`)));
  await expectClientRuns(page);
  expect(violations).toEqual([]);
});

test("the writer's own next view of an article, rendered per request, gets a nonce policy", async ({ page, context, baseURL }) => {
  // The cookie a write leaves (lib/cache/fresh-view.ts) sends the next view to the per-request route.
  await context.addCookies([{ name: "dept.fresh", value: freshCookieFor(FLAGSHIP_SLUG), url: `${baseURL}${FLAGSHIP_PATH}` }]);
  const violations = collectViolations(page);
  const response = await page.goto(FLAGSHIP_PATH);
  expect(await scriptPolicy(response!)).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  await expectClientRuns(page);
  expect(violations).toEqual([]);
  await context.addCookies([{ name: "dept.fresh", value: freshCookieFor(FLAGSHIP_SLUG), url: `${baseURL}${FLAGSHIP_PATH}` }]);
  await expectInjectedMarkupBlocked(page, FLAGSHIP_PATH);
});
