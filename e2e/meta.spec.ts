// What the article page tells link previews and search engines: Open Graph, Twitter card,
// canonical URL and NewsArticle structured data, all agreeing with what the reader sees.
import { expect, test } from "@playwright/test";
import { FLAGSHIP_PATH, FLAGSHIP_TITLE } from "./fixtures";

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

  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = scripts.map((s) => JSON.parse(s) as Record<string, unknown>);
  const news = data.filter((d) => d["@type"] === "NewsArticle");
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
