// The article page's structured data as served (microdata, read by e2e/microdata.ts), checked
// against schema.org and Google's rules (e2e/structured-data-rules.ts) and against what the page
// shows: the comments described are the visible ones on the page, never a hidden or removed
// comment's words.
import { expect, test } from "@playwright/test";
import { FLAGSHIP_PATH, FLAGSHIP_TITLE, ownBox, realComments, thread } from "./fixtures";
import { microdataItems } from "./microdata";
import { commentsOf, newsArticleProblems } from "./structured-data-rules";

type Described = { url: string; text: string; author: { name: string } };

test("the article's structured data is valid and describes the page's visible comments", async ({ page, baseURL }) => {
  const response = await page.goto(FLAGSHIP_PATH);
  const items = microdataItems(await response!.text(), page.url());
  const article = items.find((b) => b["@type"] === "NewsArticle");
  expect(article, "a NewsArticle item").toBeDefined();
  // One description of the page: no other top-level item, and no JSON-LD block repeating it.
  expect(items).toHaveLength(1);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  expect(newsArticleProblems(article)).toEqual([]);
  expect(article!.headline).toBe(FLAGSHIP_TITLE);

  // The image and the logo it names are real images.
  const images = [article!.image as string, (article!.publisher as { logo: { url: string } }).logo.url];
  for (const src of images) {
    const response = await page.request.get(src);
    expect(response.status(), src).toBe(200);
    expect(response.headers()["content-type"], src).toBe("image/png");
  }

  // Visible comments: real comments (not tombstones) whose box is not folded behind a flag.
  const visible = realComments(page).filter({ hasNot: page.locator(":scope > details.flagged") });
  const visibleIds = await visible.evaluateAll((els) => els.map((e) => e.id.replace(/^comment-/, "")));
  const hidden = thread(page).locator("li.comment:has(> details.flagged)");
  expect(await hidden.count(), "the flagship has a hidden comment to leave out").toBeGreaterThan(0);

  const described = commentsOf(article!) as Described[];
  // The same comments (compared as sets: the data lists them flat, the page nests them in threads).
  expect(described.map((c) => c.url).sort()).toEqual(visibleIds.map((id) => `${baseURL}/comments/${id}`).sort());
  // Each describes its comment's own words, as the page shows them.
  const first = visible.first();
  const firstId = visibleIds[0];
  // (Compared without whitespace: the page's paragraphs are blocks, the data's a line of text.)
  const words = (text: string) => text.replace(/\s+/g, "");
  const shownText = (await ownBox(first).locator(".comment__body").textContent()) ?? "";
  expect(shownText).toMatch(/\S/);
  const firstDescribed = described.find((c) => c.url.endsWith(`/comments/${firstId}`))!;
  expect(words(firstDescribed.text)).toBe(words(shownText));
  expect(firstDescribed.author.name).toBe((await ownBox(first).locator(".comment__author").textContent())?.trim());
  // A hidden comment's words appear nowhere in the data.
  const hiddenText = (await hidden.first().locator(":scope > details > .comment__box .comment__body").textContent())!.replace(/\s+/g, " ").trim();
  expect(hiddenText).not.toBe("");
  expect(JSON.stringify(article)).not.toContain(hiddenText);
});
