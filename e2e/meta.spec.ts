// What pages tell link previews and search engines: Open Graph, Twitter card and its generated
// image, canonical URLs, titles and descriptions cut to what is shown, the sitemap, the icons,
// and NewsArticle structured data, all agreeing with what the reader sees.
import { expect, test, type Page } from "@playwright/test";
import { UNCOUNTED, anonEmail, postViaApi } from "./comments-helpers";
import { FLAGSHIP_PATH, FLAGSHIP_TITLE, asArray, parseXml, textOf, uniqueSuffix } from "./fixtures";
import { microdataItems } from "./microdata";

test("the article page describes itself for sharing and search", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(title).toBe(FLAGSHIP_TITLE);

  const meta = (attr: "property" | "name", key: string) => page.locator(`head meta[${attr}="${key}"]`);
  await expect(meta("property", "og:title")).toHaveAttribute("content", title);
  await expect(meta("property", "og:type")).toHaveAttribute("content", "article");
  await expect(meta("property", "og:url")).toHaveAttribute("content", new RegExp(`${FLAGSHIP_PATH}$`));
  await expect(meta("property", "og:description")).toHaveAttribute("content", /\S/);
  await expect(meta("name", "twitter:card")).toHaveAttribute("content", /^(summary|summary_large_image)$/);
  await expect(meta("name", "twitter:title")).toHaveAttribute("content", title);
  await expect(meta("name", "description")).toHaveAttribute("content", /\S/);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${FLAGSHIP_PATH}$`));

  // The structured data is microdata on the page's own elements (lib/seo/schema-org.ts).
  const news = microdataItems(await page.content(), page.url()).filter((d) => d["@type"] === "NewsArticle");
  expect(news).toHaveLength(1);
  const article = news[0];
  expect(article["@context"]).toBe("https://schema.org");
  expect(article.headline).toBe(title);
  expect(Number.isNaN(Date.parse(String(article.datePublished)))).toBe(false);
  const authorName = (await page.getByRole("article").locator("header").getByRole("link").innerText()).trim();
  expect(article.author).toMatchObject({ "@type": "Person", name: authorName });
  expect(String(article.mainEntityOfPage)).toMatch(new RegExp(`${FLAGSHIP_PATH}$`));
});

test("the front page is titled and described", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Dept");
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute("content", /\S/);
  await expect(page.locator('head meta[property="og:site_name"]')).toHaveAttribute("content", "Dept");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("pages, feeds and JSON carry the security headers, with their own content types", async ({ request }) => {
  for (const [path, type] of [
    ["/", "text/html"],
    ["/feed.xml", "application/rss+xml"],
    ["/api/viewer", "application/json"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"], path).toContain(type);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1"), "a PNG signature").toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("a shared article shows a large preview drawn for it, at the article's absolute address", async ({ page, baseURL }) => {
  await page.goto(FLAGSHIP_PATH);
  const meta = (attr: "property" | "name", key: string) => page.locator(`head meta[${attr}="${key}"]`);
  await expect(meta("name", "twitter:card")).toHaveAttribute("content", "summary_large_image");
  await expect(meta("property", "og:site_name")).toHaveAttribute("content", "Dept");
  await expect(meta("property", "og:url")).toHaveAttribute("content", `${baseURL}${FLAGSHIP_PATH}`);

  for (const [attr, key] of [["property", "og:image"], ["name", "twitter:image"]] as const) {
    const src = (await meta(attr, key).first().getAttribute("content"))!;
    expect(src, `${key} is absolute`).toMatch(new RegExp(`^${baseURL}${FLAGSHIP_PATH}/`));
    const image = await page.request.get(src);
    expect(image.status(), key).toBe(200);
    expect(image.headers()["content-type"], key).toBe("image/png");
    expect(pngSize(await image.body()), key).toEqual({ width: 1200, height: 630 });
  }
  await expect(meta("property", "og:image:width")).toHaveAttribute("content", "1200");
  await expect(meta("property", "og:image:height")).toHaveAttribute("content", "630");
  await expect(meta("property", "og:image:alt")).toHaveAttribute("content", /\S/);
});

test("the preview image is redrawn when the comment count changes, and the page stays cached", async ({ page, request }) => {
  const image = `${UNCOUNTED.path}/opengraph-image`;
  // Drawn once and then served from the cache, as the page is.
  await expect.poll(async () => (await request.get(image)).headers()["x-nextjs-cache"]).toBe("HIT");
  const before = await (await request.get(image)).body();
  await postViaApi(page, UNCOUNTED, { body: `A comment that changes the preview ${uniqueSuffix()}`, anonEmail: anonEmail() });
  await expect.poll(async () => (await request.get(image)).body().then((b) => b.equals(before))).toBe(false);
  // The page itself is still the one cached render every reader shares.
  await expect.poll(async () => (await request.get(UNCOUNTED.path)).headers()["x-nextjs-cache"]).toBe("HIT");
});

test("an unknown article has no preview image, and that answer is kept a minute at most", async ({ request }) => {
  const response = await request.get("/articles/no-such-article-for-a-preview/opengraph-image");
  expect(response.status()).toBe(404);
  const maxAge = Number(/s-maxage=(\d+)/.exec(response.headers()["cache-control"] ?? "")?.[1] ?? 0);
  expect(maxAge).toBeLessThanOrEqual(60);
});

test("the site has a favicon and app icons, and no page logs a missing one", async ({ page }) => {
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);

  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${page.url()}: ${response.status()} for ${response.url()}`);
  });
  const tag = await linkedTagPath(page);
  const icons = new Set<string>();
  for (const path of ["/", FLAGSHIP_PATH, tag, "/best", "/signin", "/register"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeAttached();
    const named = await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(named.length, `${path} names its icons`).toBeGreaterThanOrEqual(2);
    for (const href of named) icons.add(href);
  }
  for (const href of icons) {
    const icon = await page.request.get(href);
    expect(icon.status(), href).toBe(200);
    expect(icon.headers()["content-type"], href).toMatch(/^image\//);
  }
  // The browser asks for /favicon.ico on its own once per site; it answered above, and nothing failed.
  expect(problems).toEqual([]);
});

/** A tag page's path, from the flagship's "Filed Under" links. */
async function linkedTagPath(page: Page): Promise<string> {
  await page.goto(FLAGSHIP_PATH);
  const href = await page.locator(".article-footer").getByRole("listitem").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/tags\/[\w-]+$/);
  return href!;
}

test("every indexable page names its canonical address, with a title and description search engines show whole", async ({ page, baseURL }) => {
  const tag = await linkedTagPath(page);
  const profile = (await page.getByRole("article").locator("header").getByRole("link").getAttribute("href"))!;
  const descriptions = new Map<string, string>();
  for (const [path, canonical] of [
    ["/", "/"],
    ["/?page=2", "/?page=2"],
    [tag, tag],
    [profile, profile],
    ["/best", "/best"],
    [FLAGSHIP_PATH, FLAGSHIP_PATH],
  ]) {
    await page.goto(path);
    const href = (await page.locator('head link[rel="canonical"]').getAttribute("href")) ?? "";
    expect(href.startsWith(baseURL!), `${path}: canonical "${href}" is absolute`).toBe(true);
    const url = new URL(href);
    expect(`${url.pathname}${url.search}`, path).toBe(canonical);
    const title = await page.title();
    expect(title.length, `${path}: "${title}"`).toBeLessThanOrEqual(70);
    const description = (await page.locator('head meta[name="description"]').getAttribute("content")) ?? "";
    expect(description, path).toMatch(/\S/);
    expect(description.length, `${path}: "${description}"`).toBeLessThanOrEqual(160);
    descriptions.set(path, description);
  }
  // A tag page describes its own subject, not the site's.
  expect(descriptions.get(tag)).not.toBe(descriptions.get("/"));
  expect(descriptions.get(tag)).toContain(tag.slice("/tags/".length));
});

test("the sitemap dates every entry and lists the best of the week", async ({ request, baseURL }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const doc = parseXml(await response.text()) as { urlset: { url: { loc: string; lastmod?: string }[] } };
  const urls = asArray(doc.urlset.url);
  expect(urls.map((u) => u.loc)).toEqual(expect.arrayContaining([`${baseURL}/`, `${baseURL}/best`, `${baseURL}${FLAGSHIP_PATH}`]));
  expect(urls.some((u) => u.loc.startsWith(`${baseURL}/tags/`))).toBe(true);
  for (const url of urls) {
    expect(url.lastmod, url.loc).toBeDefined();
    expect(Number.isNaN(Date.parse(textOf(url.lastmod))), `${url.loc} lastmod "${url.lastmod}"`).toBe(false);
  }
});
