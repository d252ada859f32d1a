// A reader's path through the site: the front page and its pages, the flagship article, and
// the tag and author pages its links lead to.
import { TITLE_MAX, pageTitle } from "../lib/seo/cut";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, FLAGSHIP_TITLE, openFlagshipFromHome, realComments, thread } from "./fixtures";

const COUNT_LINK = /^\d+ Comments?$/;

/** The article cards of a listing page (home, tag, profile). */
function cards(scope: Page | Locator) {
  return scope.getByRole("article");
}

async function cardTitles(list: Locator): Promise<string[]> {
  return list.getByRole("heading", { level: 2 }).allInnerTexts();
}

test.describe("home page", () => {
  test("lists articles with their dept line, author and comment count", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("Dept");

    const list = cards(page.getByRole("main"));
    await expect(list).toHaveCount(10);
    for (const card of await list.all()) {
      const title = card.getByRole("heading", { level: 2 });
      await expect(title).toHaveText(/\S/);
      await expect(title.getByRole("link")).toHaveAttribute("href", /^\/articles\/[\w-]+$/);
      await expect(card.getByText(/^from the .+ dept$/)).toBeVisible();
      const byline = card.locator("p.meta");
      await expect(byline).toHaveText(/^by .+ · .+ UTC$/);
      await expect(byline.getByRole("link")).toHaveAttribute("href", /^\/users\/[\w-]+$/);
      await expect(card.getByRole("link", { name: COUNT_LINK })).toBeVisible();
    }
    // The flagship, with its long discussion, is among the latest.
    const flagshipCard = list.filter({ has: page.getByRole("link", { name: FLAGSHIP_TITLE, exact: true }) });
    await expect(flagshipCard).toHaveCount(1);
    const count = await flagshipCard.getByRole("link", { name: COUNT_LINK }).innerText();
    expect(parseInt(count, 10)).toBeGreaterThanOrEqual(34);
  });

  test("paginates to page 2 and back", async ({ page }) => {
    await page.goto("/");
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination).toContainText(/Page 1 of \d+/);
    await expect(pagination.getByRole("link", { name: "← Newer" })).toHaveCount(0);
    const firstPage = await cardTitles(page.getByRole("main"));
    expect(firstPage).toHaveLength(10);

    await pagination.getByRole("link", { name: "Older →" }).click();
    await expect(page).toHaveURL(/\/\?page=2$/);
    await expect(pagination).toContainText(/Page 2 of \d+/);
    const secondPage = cards(page.getByRole("main"));
    await expect(secondPage.first()).toBeVisible();
    const secondTitles = await cardTitles(page.getByRole("main"));
    expect(secondTitles.length).toBeGreaterThan(0);
    // Page 2 continues the list: none of page 1's articles again.
    for (const title of secondTitles) expect(firstPage).not.toContain(title);

    await pagination.getByRole("link", { name: "← Newer" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(pagination).toContainText(/Page 1 of \d+/);
    expect(await cardTitles(page.getByRole("main"))).toEqual(firstPage);
  });
});

test.describe("flagship article", () => {
  test("shows the article with its dept line, author, body and footer", async ({ page }) => {
    await page.goto("/");
    const homeCard = cards(page.getByRole("main")).filter({ has: page.getByRole("link", { name: FLAGSHIP_TITLE, exact: true }) });
    const homeCount = parseInt(await homeCard.getByRole("link", { name: COUNT_LINK }).innerText(), 10);

    await openFlagshipFromHome(page);
    // The flagship's title is long: the <title> keeps it to 70 characters, cut after a word.
    await expect(page).toHaveTitle(`${pageTitle(FLAGSHIP_TITLE, "Dept")} | Dept`);
    expect((await page.title()).length).toBeLessThanOrEqual(TITLE_MAX);
    const article = page.getByRole("main").getByRole("article");
    const header = article.locator("header");
    await expect(header.getByText(/^from the .+ dept$/)).toBeVisible();
    const author = header.getByRole("link");
    await expect(author).toHaveCount(1);
    await expect(author).toHaveAttribute("href", /^\/users\/[\w-]+$/);
    await expect(author).toHaveText(/\S/);

    const body = article.locator(".article-body");
    await expect(body.getByRole("paragraph").first()).toBeVisible();
    await expect(body.getByRole("blockquote").first()).toBeVisible();
    const bodyLink = body.getByRole("link").first();
    await expect(bodyLink).toBeVisible();
    await expect(bodyLink).toHaveAttribute("href", /^(https?:\/\/|\/)/);

    const footer = article.locator(".article-footer");
    await expect(footer.getByText("Filed Under:")).toBeVisible();
    const tagLinks = footer.getByRole("listitem").getByRole("link");
    expect(await tagLinks.count()).toBeGreaterThan(0);
    for (const link of await tagLinks.all()) await expect(link).toHaveAttribute("href", /^\/tags\/[\w-]+$/);

    // "N Comments": N is what the thread shows (published and hidden comments, no tombstones),
    // the same number the front page announced.
    const countLink = footer.getByRole("link", { name: COUNT_LINK });
    const n = parseInt(await countLink.innerText(), 10);
    expect(n).toBeGreaterThanOrEqual(34);
    expect(n).toBe(homeCount);
    await expect(realComments(page)).toHaveCount(n);
    await expect(thread(page).getByRole("heading", { level: 2 })).toHaveText(`${n} Comments`);

    await expect(footer).toContainText("Subscribe: RSS");
    await expect(footer.getByRole("link", { name: "RSS", exact: true })).toHaveAttribute("href", `${FLAGSHIP_PATH}/feed.xml`);
    // "Leave a comment" leads to the comment form, below the thread.
    await expect(footer.getByRole("link", { name: "Leave a comment" })).toHaveAttribute("href", "#leave-a-comment");
    await expect(page.locator("section#leave-a-comment form")).toHaveCount(1);
  });

  test("the comment count link jumps to the discussion", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    await page.locator(".article-footer").getByRole("link", { name: COUNT_LINK }).click();
    await expect(page).toHaveURL(new RegExp(`${FLAGSHIP_PATH}#comments$`));
    await expect(thread(page).getByRole("heading", { level: 2 })).toBeInViewport();
  });
});

test.describe("tag and author pages", () => {
  test("a tag link leads to a page listing the article", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const tagLink = page.locator(".article-footer").getByRole("listitem").getByRole("link").first();
    const tagName = (await tagLink.innerText()).trim();
    const href = await tagLink.getAttribute("href");
    await tagLink.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Filed under: ${tagName}`);
    await expect(page).toHaveTitle(`Filed under ${tagName} | Dept`);
    await expect(page.getByText(/^\d+ articles? · Subscribe: RSS$/)).toBeVisible();
    const listed = cards(page.getByRole("main"));
    await expect(listed.getByRole("link", { name: FLAGSHIP_TITLE, exact: true })).toBeVisible();
    // Every article listed carries the tag.
    for (const card of await listed.all()) {
      await expect(card.locator(".card-footer").getByRole("link", { name: tagName, exact: true })).toBeVisible();
    }
  });

  test("the author link leads to a profile listing their articles", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const author = page.getByRole("article").locator("header").getByRole("link");
    const name = (await author.innerText()).trim();
    await author.click();
    await expect(page).toHaveURL(/\/users\/[\w-]+$/);
    const handle = new URL(page.url()).pathname.split("/").pop();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByText(new RegExp(`^@${handle} · Joined `))).toBeVisible();
    const section = page.getByRole("region", { name: `Articles by ${name}` });
    await expect(section).toBeVisible();
    const listed = cards(section);
    await expect(listed.getByRole("link", { name: FLAGSHIP_TITLE, exact: true })).toBeVisible();
    // Only their articles.
    for (const card of await listed.all()) {
      await expect(card.locator("p.meta").getByRole("link")).toHaveText(name);
    }
  });

  test("a commenter's name leads to their profile", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const member = thread(page).locator("a.comment__author[href^='/users/']").first();
    const name = (await member.innerText()).trim();
    await member.click();
    await expect(page).toHaveURL(/\/users\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
});
