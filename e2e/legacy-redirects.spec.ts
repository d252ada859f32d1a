// Old addresses of imported articles (issue 22): a WordPress permalink or "?p=123" short link,
// recorded by the import, is answered with a 301 to the article; an old-looking address that
// leads nowhere is still the site's own 404 page, and the site's own pages are untouched.
import { execFileSync } from "node:child_process";
import { expect } from "@playwright/test";
import { FLAGSHIP_PATH, FLAGSHIP_SLUG, FLAGSHIP_TITLE, NOT_FOUND_HEADING, test, uniqueSuffix } from "./fixtures";

const recordOldAddress = (path: string, slug: string) => execFileSync("npx", ["tsx", "e2e/tasks/legacy-url.ts", path, slug], { env: process.env, cwd: process.cwd(), encoding: "utf8" });

test("an imported article's old permalink and short link lead to it with a 301", async ({ page, request }) => {
  const suffix = uniqueSuffix();
  const permalink = `/2019/05/${suffix}-the-old-name`;
  // A custom permalink structure (/%category%/%postname%/) has no date to tell it by.
  const custom = `/town-hall/${suffix}-the-old-name`;
  const shortId = String(100000 + Math.floor(Math.random() * 800000));
  recordOldAddress(permalink, FLAGSHIP_SLUG);
  recordOldAddress(custom, FLAGSHIP_SLUG);
  recordOldAddress(`/?p=${shortId}`, FLAGSHIP_SLUG);

  for (const old of [permalink, `${permalink}/`, custom, `${custom}/`, `/?p=${shortId}`]) {
    const response = await request.get(old, { maxRedirects: 0 });
    // WordPress's trailing slash may first be taken off by Next (308), then the old address answers.
    const final = response.status() === 308 ? await request.get(response.headers().location!, { maxRedirects: 0 }) : response;
    expect(final.status(), old).toBe(301);
    expect(new URL(final.headers().location!, "http://x").pathname, old).toBe(FLAGSHIP_PATH);
  }

  // A reader following an old link lands on the article.
  await page.goto(permalink);
  await expect(page).toHaveURL(new RegExp(`${FLAGSHIP_PATH}$`));
  await expect(page.getByRole("heading", { level: 1, name: FLAGSHIP_TITLE })).toBeVisible();
});

test("an old-looking address that leads nowhere is the site's 404 page; the site's own pages are as before", async ({ page, request }) => {
  const missing = await page.goto(`/2019/05/${uniqueSuffix()}-never-here/`);
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
  expect((await request.get(`/${uniqueSuffix()}-no-such-post`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(`/town-hall/${uniqueSuffix()}-no-such-post`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(`/?p=999999999`, { maxRedirects: 0 })).status()).toBe(200);
  for (const own of ["/signin", "/best", "/robots.txt", "/feed.xml", "/icon.svg", FLAGSHIP_PATH, "/best/feed.xml"]) {
    expect((await request.get(own, { maxRedirects: 0 })).status(), own).toBe(200);
  }
});
