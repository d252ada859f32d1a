// The writer's own next view (lib/cache/fresh-view.ts): a write leaves a short-lived cookie that
// sends that person's next view of the article to a page rendered per request. Next's router
// prefetches links in view (the moderation queue and the front page link to articles), and the
// proxy cannot tell a prefetch from a client navigation: neither may spend the cookie, which only a
// page load does. The cookie is signed, names its article and ends within seconds: nobody gets
// past the page cache with one they made up, and the route it leads to is no way around it either.
import { expect, type APIResponse } from "@playwright/test";
import { FLAGSHIP_PATH, FLAGSHIP_SLUG, freshCookieFor, freshCookiesFor, test } from "./fixtures";

// Each test makes its cookies with a run of tsx, slow on a busy machine.
test.describe.configure({ timeout: 60_000 });

const freshCookie = () => `dept.fresh=${freshCookieFor(FLAGSHIP_SLUG)}`;
const PAGE_LOAD = { accept: "text/html,application/xhtml+xml", "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" };

/** The Set-Cookie headers of a response that name the fresh-view cookie. */
async function freshCookieChanges(response: APIResponse): Promise<string[]> {
  return (await response.headersArray())
    .filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("dept.fresh="))
    .map((h) => h.value);
}

/** Whether the response was rendered for this request (nonce policy) rather than served from the cache. */
async function renderedPerRequest(response: APIResponse): Promise<boolean> {
  return (await response.headersArray()).some((h) => h.name.toLowerCase() === "content-security-policy" && h.value.includes("'nonce-"));
}

test("the router's prefetch of the article leaves the writer's next view fresh", async ({ request }) => {
  const fresh = freshCookie();
  // As Next's router sends a prefetch: flight headers, a fetch's metadata. Next answers the first
  // such request with a redirect to an address carrying a cache-busting parameter: that answer
  // must not spend the cookie either, so redirects are not followed.
  for (const path of [FLAGSHIP_PATH, `${FLAGSHIP_PATH}?view=flat`]) {
    const prefetch = await request.get(path, {
      maxRedirects: 0,
      headers: { cookie: fresh, rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree", accept: "*/*", "sec-fetch-dest": "empty", "sec-fetch-mode": "cors" },
    });
    expect(prefetch.status()).toBeLessThan(400);
    expect(await freshCookieChanges(prefetch)).toEqual([]);
  }

  // The page load that follows is fresh too, and uses the cookie up.
  const load = await request.get(FLAGSHIP_PATH, {
    maxRedirects: 0,
    headers: { cookie: fresh, ...PAGE_LOAD },
  });
  expect(load.status()).toBe(200);
  expect(await renderedPerRequest(load)).toBe(true);
  const [cleared, ...more] = await freshCookieChanges(load);
  expect(more).toEqual([]);
  expect(cleared).toMatch(/^dept\.fresh=; Path=\/articles\/[^;]+; (Expires=[^;]+; )?Max-Age=0/);
});

test("a page load from a client without fetch metadata spends the fresh view; a script's fetch does not", async ({ request }) => {
  const fresh = freshCookie();
  const script = await request.get(FLAGSHIP_PATH, { maxRedirects: 0, headers: { cookie: fresh, accept: "*/*" } });
  expect(await freshCookieChanges(script)).toEqual([]);
  const page = await request.get(FLAGSHIP_PATH, { maxRedirects: 0, headers: { cookie: fresh, accept: "text/html" } });
  expect(await freshCookieChanges(page)).toHaveLength(1);
});

test("a made-up, stretched, expired or another article's cookie does not get past the page cache", async ({ request }) => {
  const [good, expired, elsewhere] = freshCookiesFor(FLAGSHIP_SLUG, `${FLAGSHIP_SLUG}@-60`, "another-article");
  const [until, mac] = good.split(".");
  const values = { "made up": "1", stretched: `${Number(until) + 3600}.${mac}`, expired, "another article's": elsewhere };
  for (const [what, value] of Object.entries(values)) {
    const load = await request.get(FLAGSHIP_PATH, { maxRedirects: 0, headers: { cookie: `dept.fresh=${value}`, ...PAGE_LOAD } });
    expect(load.status(), what).toBe(200);
    expect(await renderedPerRequest(load), what).toBe(false);
  }
});

test("the writer's route, asked for directly, is the cached view to anyone without the cookie", async ({ request }) => {
  const path = `${FLAGSHIP_PATH}/fresh/flat-newest`;
  const plain = await request.get(path, { maxRedirects: 0, headers: PAGE_LOAD });
  expect(plain.status()).toBe(200);
  expect(await renderedPerRequest(plain)).toBe(false);
  // Served as the cached page is, with the policy listing its scripts' hashes.
  const policies = (await plain.headersArray()).filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
  expect(policies.some((p) => /script-src 'self'( 'sha256-[^']+')+$/.test(p)), policies.join(" | ")).toBe(true);

  const writer = await request.get(path, { maxRedirects: 0, headers: { cookie: freshCookie(), ...PAGE_LOAD } });
  expect(writer.status()).toBe(200);
  expect(await renderedPerRequest(writer)).toBe(true);
});
