// The authoring desk: an author drafts, previews, schedules and publishes an article, which then
// shows on the front page, its tag page, the feed, the sitemap and its own page; readers and
// visitors get no desk, and a save posted by a reader stores nothing. That a scheduled article
// appears on its own at its time (its cached 404 included) is proved on an injected clock in
// lib/articles/reveal.test.ts rather than by waiting here.
import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, asArray, memberWithRole, newBrowserContext, newMember, parseXml, createMemberAndSignIn, signInAs, siteHeader, test, textOf, uniqueSuffix } from "./fixtures";
import { toLocalInputValue } from "../lib/articles/local-time";

// Each command-line run starts tsx.
test.describe.configure({ timeout: 90_000 });

const FOR_AUTHORS = "This page is for authors.";
const SCHEDULE_AHEAD_MS = 3600_000;

/** How many articles, in any state, carry this title (e2e/tasks/article-count.ts). */
function articleCount(title: string): number {
  const out = execFileSync("npx", ["tsx", "e2e/tasks/article-count.ts", title], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return (JSON.parse(out) as { count: number }).count;
}

async function feedTitles(page: Page): Promise<string[]> {
  const doc = parseXml(await (await page.request.get("/feed.xml")).text()) as { rss: { channel: { item?: { title: unknown } | { title: unknown }[] } } };
  return asArray(doc.rss.channel.item).map((i) => textOf(i.title));
}

async function sitemapPaths(page: Page): Promise<string[]> {
  const doc = parseXml(await (await page.request.get("/sitemap.xml")).text()) as { urlset?: { url?: { loc: unknown } | { loc: unknown }[] } };
  return asArray(doc.urlset?.url).map((u) => new URL(textOf(u.loc)).pathname);
}

const titleLink = (page: Page, title: string) => page.getByRole("main").getByRole("link", { name: title, exact: true });
const savedNote = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("an author drafts, previews, schedules and publishes; the article then shows everywhere", async ({ page }) => {
  const author = await memberWithRole("author");
  const suffix = uniqueSuffix();
  const title = `Ink is the new oil ${suffix}`;
  const slug = `ink-is-the-new-oil-${suffix}`;
  const tag = `Ink ${suffix}`;
  const body = `## Barrels of ink ${suffix}\n\nPrinter cartridges are *really* expensive.`;
  await signInAs(page, author);

  await siteHeader(page).getByRole("link", { name: "Write", exact: true }).click();
  await expect(page).toHaveURL(/\/write$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write an article");
  await page.getByLabel("Title", { exact: true }).fill(title);
  // The slug it will get, derived from the title as it is typed.
  await expect(page.getByLabel("Slug", { exact: true })).toHaveAttribute("placeholder", slug);
  await page.getByLabel("Dept", { exact: true }).fill("from the crude-analogies dept");
  await page.getByLabel("Tags", { exact: true }).fill(tag);
  await page.getByLabel("Body", { exact: true }).fill(body);

  // The live preview renders the Markdown as the article page will.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: `Barrels of ink ${suffix}` })).toBeVisible();
  await expect(preview.locator("em")).toHaveText("really");

  // Leaving with unsaved writing asks first; staying keeps every word.
  const dialogs: string[] = [];
  page.once("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  // Whether the click was cancelled, read once its dispatch is over: a cancelled click is one
  // Next's <Link> never turns into a navigation.
  await page.evaluate(() => {
    window.addEventListener("click", (event) => setTimeout(() => document.body.setAttribute("data-click-cancelled", String(event.defaultPrevented))), { capture: true, once: true });
  });
  await siteHeader(page).getByRole("link", { name: "Latest", exact: true }).click();
  await expect.poll(() => dialogs).toEqual(["confirm"]);
  await expect(page.locator("body")).toHaveAttribute("data-click-cancelled", "true");
  await expect(page).toHaveURL(/\/write$/);
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue(body);

  // Save draft: back to the form, saved, and nowhere on the site.
  await page.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}/edit\\?saved=1$`));
  await expect(savedNote(page, "Saved as a draft")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await page.goto("/write");
  await expect(page.locator("#your-articles").getByRole("region", { name: "Drafts" })).toContainText(title);
  await page.goto("/");
  await expect(titleLink(page, title)).toHaveCount(0);
  expect((await page.goto(`/articles/${slug}`))?.status()).toBe(404);

  // Schedule it an hour ahead, in the browser's local time (the server stores UTC).
  await page.goto(`/articles/${slug}/edit`);
  const at = new Date(Math.ceil((Date.now() + SCHEDULE_AHEAD_MS) / 1000) * 1000);
  await page.getByLabel("Publish at", { exact: true }).fill(toLocalInputValue(at));
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}/edit\\?saved=1$`));
  await expect(savedNote(page, "It will appear on the site on")).toBeVisible();
  await expect(page.locator(".publish-box")).toContainText("Scheduled for");
  await expect(page.getByLabel("Publish at", { exact: true })).toHaveValue(toLocalInputValue(at));
  await page.goto("/write");
  await expect(page.locator("#your-articles").getByRole("region", { name: "Scheduled" })).toContainText(title);

  // Not yet: nowhere on the site. (Its own page's 404, cached now, must not outlive publication.)
  await page.goto("/");
  await expect(titleLink(page, title)).toHaveCount(0);
  expect((await page.goto(`/articles/${slug}`))?.status()).toBe(404);
  expect(await feedTitles(page)).not.toContain(title);
  expect(await sitemapPaths(page)).not.toContain(`/articles/${slug}`);
  expect(await sitemapPaths(page)).not.toContain(`/tags/ink-${suffix}`);

  // Publish puts the scheduled article on the site now, everywhere at once.
  await page.goto(`/articles/${slug}/edit`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
  const shown = await page.goto(`/articles/${slug}`);
  expect(shown?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".article-body")).toContainText("Printer cartridges are really expensive.");
  await page.goto("/");
  await expect(titleLink(page, title)).toBeVisible();
  await titleLink(page, title).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
  await page.locator(".article-footer").getByRole("link", { name: tag, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/ink-${suffix}$`));
  await expect(titleLink(page, title)).toBeVisible();
  expect(await feedTitles(page)).toContain(title);
  expect(await sitemapPaths(page)).toEqual(expect.arrayContaining([`/articles/${slug}`, `/tags/ink-${suffix}`]));

  // Edit the published article: it says "Updated".
  await page.goto(`/articles/${slug}`);
  await page.getByRole("link", { name: "Edit this article" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}/edit$`));
  await page.getByLabel("Body", { exact: true }).fill(`${body}\n\nCorrection: toner too.`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
  await expect(page.locator(".article-body")).toContainText("Correction: toner too.");
  await expect(page.getByRole("article").locator("header")).toContainText("Updated");

  // Save draft takes it off the site again (which also leaves the front page as other specs expect it).
  await page.goto(`/articles/${slug}/edit`);
  await page.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}/edit\\?saved=1$`));
  await page.goto("/");
  await expect(titleLink(page, title)).toHaveCount(0);
});

test("readers and visitors get no desk, and a save posted by a reader stores nothing", async ({ page, browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const visitor = await newBrowserContext(browser, baseURL);
  try {
    const p = await visitor.newPage();
    await p.goto("/write");
    await expect(p).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/write");
  } finally {
    await visitor.close();
  }

  // The form as an author's browser gets it without JavaScript: its hidden fields name the action.
  const authorContext = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
  const withScript = await newBrowserContext(browser, baseURL);
  await signInAs(await withScript.newPage(), await memberWithRole("author"));
  await authorContext.addCookies(await withScript.cookies());
  await withScript.close();
  const desk = await authorContext.newPage();
  await desk.goto("/write");
  const hidden = await desk.locator("form.article-form input[type=hidden]").evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]));
  expect(hidden.length).toBeGreaterThan(1);
  // Another author's article is not theirs to edit.
  await desk.goto(`${FLAGSHIP_PATH}/edit`);
  await expect(desk.getByRole("main")).toContainText("You can only edit your own articles.");
  await expect(desk.getByRole("textbox", { name: "Title" })).toHaveCount(0);

  const reader = newMember();
  await createMemberAndSignIn(page, reader);
  await expect(siteHeader(page).getByRole("link", { name: "Write", exact: true })).toHaveCount(0);
  for (const path of ["/write", `${FLAGSHIP_PATH}/edit`]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toContainText(FOR_AUTHORS);
    await expect(page.getByRole("textbox", { name: "Title" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  }

  const forged = (title: string) =>
    Object.fromEntries([...hidden, ["title", title], ["dept", "forged"], ["slug", ""], ["tags", ""], ["body", "Forged."], ["excerpt", ""], ["publishAt", ""], ["tzOffset", ""], ["intent", "draft"]]);
  const readerTitle = `Posted by a reader ${uniqueSuffix()}`;
  await page.request.post("/write", { multipart: forged(readerTitle), headers: { origin } });
  expect(articleCount(readerTitle)).toBe(0);

  // The same post from the author's browser is saved, so the reader's did reach the action.
  const authorTitle = `Posted by an author ${uniqueSuffix()}`;
  await authorContext.request.post("/write", { multipart: forged(authorTitle), headers: { origin } });
  await desk.goto("/write");
  await expect(desk.locator("#your-articles")).toContainText(authorTitle);
  expect(articleCount(authorTitle)).toBe(1);
  await authorContext.close();
});
