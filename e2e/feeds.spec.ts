// RSS: the site feed, a tag's feed, an article's comment feed, and the autodiscovery links that point at them.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, FLAGSHIP_TITLE, asArray, parseXml, realComments, textOf, thread } from "./fixtures";

type Item = { title?: unknown; link?: unknown; guid?: unknown; pubDate?: unknown; description?: unknown };
type Channel = { title?: unknown; link?: unknown; description?: unknown; item?: Item | Item[]; "atom:link"?: Record<string, string> };

async function readFeed(response: APIResponse): Promise<{ channel: Channel; items: Item[] }> {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/rss\+xml\b/);
  const doc = parseXml(await response.text()) as { rss?: { "@_version"?: string; channel?: Channel } };
  expect(doc.rss, "the document element is <rss>").toBeDefined();
  expect(doc.rss!["@_version"]).toBe("2.0");
  const channel = doc.rss!.channel;
  expect(channel, "<rss> has a <channel>").toBeDefined();
  const items = asArray(channel!.item);
  for (const item of items) {
    expect(textOf(item.title)).toMatch(/\S/);
    expect(() => new URL(textOf(item.link))).not.toThrow();
    expect(textOf(item.guid)).toMatch(/^https?:\/\//);
    const pubDate = textOf(item.pubDate);
    expect(Number.isNaN(Date.parse(pubDate)), `pubDate "${pubDate}" is a date`).toBe(false);
    expect(textOf(item.description)).toMatch(/\S/);
  }
  return { channel: channel!, items };
}

/** The RSS autodiscovery links in the page's <head>, as paths. */
async function feedLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) =>
    links.map((l) => (l as HTMLLinkElement).href),
  );
  return hrefs.map((h) => new URL(h).pathname);
}

test("the site feed lists the latest articles, as the front page does", async ({ page }) => {
  const { channel, items } = await readFeed(await page.request.get("/feed.xml"));
  expect(textOf(channel.title)).toBe("Dept");
  expect(channel["atom:link"]?.["@_href"]).toMatch(/\/feed\.xml$/);
  expect(items.length).toBeGreaterThanOrEqual(10);
  for (const item of items) {
    expect(new URL(textOf(item.link)).pathname).toMatch(/^\/articles\/[\w-]+$/);
    expect(textOf(item.guid)).toBe(textOf(item.link));
  }
  // Newest first.
  const dates = items.map((i) => Date.parse(textOf(i.pubDate)));
  expect([...dates].sort((a, b) => b - a)).toEqual(dates);

  // The same articles, in the same order, as page 1 of the front page.
  await page.goto("/");
  const homeTitles = await page.getByRole("main").getByRole("article").getByRole("heading", { level: 2 }).allInnerTexts();
  expect(items.map((i) => textOf(i.title))).toEqual(homeTitles);
  expect(items.some((i) => new URL(textOf(i.link)).pathname === FLAGSHIP_PATH)).toBe(true);
});

test("the article's comment feed carries that article's visible comments", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  const rssLink = page.locator(".article-footer").getByRole("link", { name: "RSS", exact: true });
  const href = (await rssLink.getAttribute("href"))!;
  expect(href).toBe(`${FLAGSHIP_PATH}/feed.xml`);

  const { channel, items } = await readFeed(await page.request.get(href));
  expect(textOf(channel.title)).toBe(`Comments on: ${FLAGSHIP_TITLE}`);
  expect(new URL(textOf(channel.link)).pathname).toBe(FLAGSHIP_PATH);

  // Published comments only: what the thread shows minus the ones hidden behind a flag.
  const shown = await realComments(page).count();
  const hidden = await thread(page).locator("li.comment:has(> details.flagged)").count();
  expect(hidden).toBeGreaterThan(0);
  expect(items.length).toBe(Math.min(50, shown - hidden));

  const hiddenIds = await thread(page).locator("li.comment:has(> details.flagged)").evaluateAll((els) => els.map((e) => e.id));
  // Read once: one locator round trip per item took most of this test's time on a busy machine.
  const threadIds = new Set(await thread(page).locator("li.comment").evaluateAll((els) => els.map((e) => e.id)));
  for (const item of items) {
    const link = new URL(textOf(item.link));
    expect(link.pathname).toBe(FLAGSHIP_PATH);
    expect(link.hash).toMatch(/^#comment-[\w-]+$/);
    const id = link.hash.slice("#comment-".length);
    expect(new URL(textOf(item.guid)).pathname).toBe(`/comments/${id}`);
    // Each item is a comment rendered in this article's thread, and not a hidden one.
    expect(threadIds.has(`comment-${id}`), `comment-${id} is in the thread`).toBe(true);
    expect(hiddenIds).not.toContain(`comment-${id}`);
  }
  const dates = items.map((i) => Date.parse(textOf(i.pubDate)));
  expect([...dates].sort((a, b) => b - a)).toEqual(dates);
});

test("an unknown article has no comment feed", async ({ request }) => {
  const response = await request.get("/articles/no-such-article-here/feed.xml");
  expect(response.status()).toBe(404);
});

test("pages advertise their feeds for autodiscovery", async ({ page }) => {
  await page.goto("/");
  expect(await feedLinks(page)).toContain("/feed.xml");

  await page.goto(FLAGSHIP_PATH);
  const links = await feedLinks(page);
  expect(links).toContain(`${FLAGSHIP_PATH}/feed.xml`);
  for (const path of links) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(/^application\/rss\+xml\b/);
  }
});

test("a tag has its own feed: the articles filed under it, advertised on its page", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  await page.locator(".article-footer").getByRole("listitem").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Filed under: /);
  const tagPath = new URL(page.url()).pathname;
  const tagName = (await page.getByRole("heading", { level: 1 }).innerText()).replace(/^Filed under: /, "");
  expect(await feedLinks(page)).toEqual(expect.arrayContaining(["/feed.xml", `${tagPath}/feed.xml`]));

  // The page's own "RSS" link leads to the same feed, as a reader would follow it.
  const href = await page.getByRole("main").getByRole("link", { name: "RSS", exact: true }).getAttribute("href");
  expect(href).toBe(`${tagPath}/feed.xml`);
  const { channel, items } = await readFeed(await page.request.get(href!));
  expect(textOf(channel.title)).toBe(`Dept: ${tagName}`);
  expect(new URL(textOf(channel.link)).pathname).toBe(tagPath);
  expect(channel["atom:link"]?.["@_href"]).toMatch(new RegExp(`${tagPath}/feed\\.xml$`));
  expect(textOf(channel.description)).toContain(tagName);

  // The same articles, in the same order, as the tag page's first page.
  const pageTitles = await page.getByRole("main").getByRole("article").getByRole("heading", { level: 2 }).allInnerTexts();
  expect(items.map((i) => textOf(i.title))).toEqual(pageTitles);
  expect(items.some((i) => new URL(textOf(i.link)).pathname === FLAGSHIP_PATH)).toBe(true);
});

test("an unknown tag has no feed", async ({ request }) => {
  expect((await request.get("/tags/no-such-tag-here/feed.xml")).status()).toBe(404);
});

test("every feed names its language", async ({ request }) => {
  const tagFeed = `/tags/${(await request.get(FLAGSHIP_PATH).then((r) => r.text())).match(/href="\/tags\/([\w-]+)"/)![1]}/feed.xml`;
  for (const path of ["/feed.xml", `${FLAGSHIP_PATH}/feed.xml`, "/best/feed.xml", tagFeed]) {
    const { channel } = await readFeed(await request.get(path));
    expect(textOf((channel as { language?: unknown }).language), path).toBe("en");
  }
});
