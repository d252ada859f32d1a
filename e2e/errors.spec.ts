// Addresses that do not exist, malformed page numbers and comment permalinks: every one gets a
// proper status and a page a reader can use, never a server error, and none of them a place in
// the page cache (anyone can ask for endless such addresses).
import { expect, test, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, NOT_FOUND_HEADING, asArray, parseXml, textOf, thread, uniqueSuffix } from "./fixtures";

async function expectNotFoundPage(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  await expect(page.getByText("There is nothing at this address. It may have moved, or never existed.")).toBeVisible();
  // The site around it is intact, and the way back works.
  await expect(page.getByRole("navigation", { name: "Site" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the latest articles" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
}

/** A 404 shows the not-found page; a 200 shows a usable listing. Nothing else is acceptable. */
async function expectSaneListing(page: Page, url: string) {
  const response = await page.goto(url);
  const status = response?.status();
  expect([200, 404], `${url} answered ${status}`).toContain(status);
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  if (status === 404) {
    await expectNotFoundPage(page);
  } else {
    await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
    // Landed on a real page: the bad parameter is gone from the address.
    expect(new URL(page.url()).searchParams.get("page") ?? "1").toMatch(/^[1-9]\d*$/);
    const pager = page.getByRole("navigation", { name: "Pagination" });
    if (await pager.count()) await expect(pager).toContainText(/Page \d+ of \d+/);
  }
}

test("an unknown article answers 404 with the not-found page", async ({ page }) => {
  const response = await page.goto("/articles/this-story-was-never-written");
  expect(response?.status()).toBe(404);
  await expectNotFoundPage(page);
});

test("unknown articles and comment pages past the end answer 404, and the cache keeps none of them", async ({ request }) => {
  const slug = `never-written-${uniqueSuffix()}`;
  for (const path of [`/articles/${slug}`, `/articles/${slug}?view=flat`, `${FLAGSHIP_PATH}?cpage=9999`, `/articles/${slug}%0D%0A`, `/articles/${slug}%00`, `/articles/${slug}/v/flat-newest`]) {
    // A stored answer would be served from the cache the second time.
    for (let i = 0; i < 2; i++) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(response.headers()["x-nextjs-cache"], path).not.toBe("HIT");
    }
  }
  // A real article's page is stored (the check above can tell): a later request is a hit, unless
  // another spec's write just expired it.
  await expect.poll(async () => (await request.get(FLAGSHIP_PATH)).headers()["x-nextjs-cache"]).toBe("HIT");
});

test("an address with a broken %-escape answers 400, not a server error", async ({ request }) => {
  for (const path of ["/articles/%ff", "/users/%ff", "/api/comments/%ff/rating", "/tags/%E0%A4%A", "/comments/%C0%AF/edit"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain("Bad request");
  }
  const posted = await request.post("/api/comments/%ff/rating", { form: { control: "funny", on: "1" }, maxRedirects: 0 });
  expect(posted.status()).toBe(400);
});

for (const value of ["-1", "abc", "99999", "0", "1.5"]) {
  test(`the front page with ?page=${value} is a 404 or a sane page`, async ({ page }) => {
    await expectSaneListing(page, `/?page=${encodeURIComponent(value)}`);
  });
}

test("a malformed page number lands on the first page, one past the end on the last", async ({ page }) => {
  await page.goto("/?page=abc");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/Page 1 of \d+/);
  await page.goto("/?page=99999");
  const pager = page.getByRole("navigation", { name: "Pagination" });
  const [, last] = (await pager.textContent())!.match(/Page (\d+) of \1/) ?? [];
  expect(Number(last)).toBeGreaterThan(1);
  await expect(page).toHaveURL(new RegExp(`\\?page=${last}$`));
  // The header's home link works from there (a client navigation that only changes the query).
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Latest" }).click();
  await expect(pager).toContainText(/Page 1 of \d+/);
});

test("a tag page with a bad ?page= is a 404 or a sane page", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  const tagPath = (await page.locator(".article-footer").getByRole("listitem").getByRole("link").first().getAttribute("href"))!;
  expect(tagPath).toMatch(/^\/tags\/[\w-]+$/);
  const ok = await page.goto(tagPath);
  expect(ok?.status()).toBe(200);
  for (const value of ["-1", "abc", "99999"]) {
    await expectSaneListing(page, `${tagPath}?page=${value}`);
  }
});

test("an unknown tag answers 404", async ({ page }) => {
  const response = await page.goto("/tags/no-such-tag-anywhere");
  expect(response?.status()).toBe(404);
  await expectNotFoundPage(page);
});

test("an unknown member answers 404", async ({ page }) => {
  const response = await page.goto("/users/nobody-by-this-handle");
  expect(response?.status()).toBe(404);
  await expectNotFoundPage(page);
});

test("an unknown comment permalink answers 404", async ({ request }) => {
  for (const id of ["no-such-comment", "x".repeat(100)]) {
    const response = await request.get(`/comments/${id}`, { maxRedirects: 0 });
    expect(response.status(), id).toBe(404);
  }
});

test("a comment permalink redirects to the comment in its article", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  // A reply deep in the thread, far below the top of the page.
  const comment = thread(page).locator("li.comment[data-depth='2']").last();
  const id = (await comment.getAttribute("id"))!.replace(/^comment-/, "");
  const permalink = comment.locator(":scope > .comment__box .comment__byline").getByRole("link", { name: "Permalink" });
  await expect(permalink).toHaveAttribute("href", `/comments/${id}`);

  const response = await page.request.get(`/comments/${id}`, { maxRedirects: 0 });
  expect([301, 302, 303, 307, 308]).toContain(response.status());
  const location = new URL(response.headers()["location"], page.url());
  expect(location.pathname + location.hash).toBe(`${FLAGSHIP_PATH}#comment-${id}`);

  await page.goto("/");
  await page.goto(`/comments/${id}`);
  await expect(page).toHaveURL(new RegExp(`${FLAGSHIP_PATH}#comment-${id}$`));
  await expect(page.locator(`li#comment-${id}`).locator(":scope > .comment__box")).toBeInViewport();
});

test("robots.txt and the sitemap are served", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const robotsText = await robots.text();
  expect(robotsText).toMatch(/^User-Agent: \*$/im);
  expect(robotsText).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toMatch(/xml/);
  const doc = parseXml(await sitemap.text()) as { urlset?: { url?: { loc: string } | { loc: string }[] } };
  const locs = asArray(doc.urlset?.url).map((u) => new URL(textOf(u.loc)).pathname);
  expect(locs).toContain(FLAGSHIP_PATH);
  expect(locs).toContain("/");
});
