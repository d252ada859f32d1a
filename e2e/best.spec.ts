// "Best of the week": the most insightful and funniest comments of a week, their feed, and the
// way there. Demo comments are written relative to when the database was seeded, so each test
// reads a known comment's date from the flagship thread and opens that comment's week.
import { expect, type Locator, type Page } from "@playwright/test";
import { formatWeek, nextWeek, previousWeek, weekOf } from "../lib/best/weeks";
import {
  FLAGSHIP_PATH,
  FLAGSHIP_TITLE,
  FUNNY_SENTENCE,
  INSIGHTFUL_SENTENCE,
  NOT_FOUND_HEADING,
  asArray,
  expectNoA11yViolations,
  parseXml,
  siteHeader,
  test,
  textOf,
  threadComments,
} from "./fixtures";

// The demo's highest-rated comments of each kind (prisma/demo/flagship-comments.ts).
const INSIGHTFUL_SUBJECT = "About that human";
const FUNNY_SUBJECT = "Counter-notice filed on behalf of the wren";

type DemoComment = { id: string; week: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const exactly = (text: string) => new RegExp(`^${escape(text)}$`);

/** The comment's id and the ISO week its `<time datetime>` falls in, read from the flagship thread. */
async function demoComment(page: Page, subject: string): Promise<DemoComment> {
  await page.goto(FLAGSHIP_PATH);
  const comment = threadComments(page).filter({ has: page.locator(":scope > .comment__box > .comment__subject", { hasText: exactly(subject) }) });
  await expect(comment).toHaveCount(1);
  const id = (await comment.getAttribute("id"))!.replace(/^comment-/, "");
  const datetime = await comment.locator(":scope > .comment__box .comment__byline time").getAttribute("datetime");
  return { id, week: formatWeek(weekOf(new Date(datetime!))) };
}

function section(page: Page, name: "Most insightful" | "Funniest"): Locator {
  return page.getByRole("region", { name, exact: true });
}

/** The entry of a list whose subject is `subject` (badges are list items too, without a heading). */
function entry(list: Locator, subject: string): Locator {
  return list.getByRole("listitem").filter({ has: list.page().getByRole("heading", { name: subject, exact: true }) });
}

async function expectEntry(page: Page, name: "Most insightful" | "Funniest", subject: string, comment: DemoComment, sentence: string) {
  const item = entry(section(page, name).getByRole("list").first(), subject);
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("link", { name: FLAGSHIP_TITLE, exact: true })).toHaveAttribute("href", FLAGSHIP_PATH);
  await expect(item.getByText(sentence)).toBeVisible();
  await expect(item.locator(".comment__body")).toHaveText(/\S/);
  await expect(item.getByRole("link", { name: "Permalink" })).toHaveAttribute("href", `/comments/${comment.id}`);
  return item;
}

test("lists a week's most insightful comment with its article and a working permalink", async ({ page }) => {
  const comment = await demoComment(page, INSIGHTFUL_SUBJECT);
  const response = await page.goto(`/best?week=${comment.week}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Best of the week");
  await expect(page.locator(`main time[datetime="${comment.week}"]`)).toHaveText(/^\d{1,2}.* \d{4}$/);
  await expect(page).toHaveTitle(/^Best of the week: .+ \| Dept$/);

  const item = await expectEntry(page, "Most insightful", INSIGHTFUL_SUBJECT, comment, INSIGHTFUL_SENTENCE);
  await item.getByRole("link", { name: "Permalink" }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.hash === `${FLAGSHIP_PATH}#comment-${comment.id}`);
  await expect(page.locator(`li.comment#comment-${comment.id}`)).toBeVisible();
});

test("lists a week's funniest comment the same way", async ({ page }) => {
  const comment = await demoComment(page, FUNNY_SUBJECT);
  await page.goto(`/best?week=${comment.week}`);
  const item = await expectEntry(page, "Funniest", FUNNY_SUBJECT, comment, FUNNY_SENTENCE);
  const response = await page.request.get(`/comments/${comment.id}`, { maxRedirects: 0 });
  expect([301, 302, 303, 307, 308]).toContain(response.status());
  const location = new URL(response.headers()["location"], page.url());
  expect(location.pathname + location.hash).toBe(`${FLAGSHIP_PATH}#comment-${comment.id}`);
  await expect(item.getByRole("link", { name: FLAGSHIP_TITLE, exact: true })).toBeVisible();
});

test("the week's feed parses and lists what the page lists, in the same order", async ({ page }) => {
  const comment = await demoComment(page, INSIGHTFUL_SUBJECT);
  // Other specs rate comments while this one runs: compare one page load with one feed fetch,
  // and try again if a vote landed in between.
  await expect(async () => {
    await page.goto(`/best?week=${comment.week}`);
    const entries = page.locator("main ol.best-list > li");
    const pagePermalinks = await entries.evaluateAll((lis) => lis.map((li) => li.querySelector(".comment__byline a[href^='/comments/']")?.getAttribute("href")));
    const pageArticles = await entries.evaluateAll((lis) => lis.map((li) => li.querySelector(".best-list__article a")?.textContent));

    const response = await page.request.get(`/best/feed.xml?week=${comment.week}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/rss\+xml\b/);
    const doc = parseXml(await response.text()) as { rss: { "@_version": string; channel: { title: unknown; item?: unknown } } };
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(textOf(doc.rss.channel.title)).toBe("Dept: Best of the week");
    const items = asArray(doc.rss.channel.item as Record<string, unknown> | Record<string, unknown>[]);
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => new URL(textOf(i.link)).pathname)).toEqual(pagePermalinks);
    items.forEach((item, i) => expect(textOf(item.title)).toContain(`(on ${pageArticles[i]})`));
    expect(items.some((i) => textOf(i.title).startsWith("Most insightful #") && textOf(i.title).includes(INSIGHTFUL_SUBJECT))).toBe(true);
  }).toPass({ timeout: 15_000 });
});

test("the page advertises its feed, and steps between weeks but never into the future", async ({ page }) => {
  const current = weekOf(new Date());
  await page.goto("/best");
  const feeds = await page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
  expect(feeds).toContain("/best/feed.xml");
  const weeks = page.getByRole("navigation", { name: "Weeks" });
  await expect(weeks.getByRole("link", { name: "Next week →" })).toHaveCount(0);

  await weeks.getByRole("link", { name: "← Previous week" }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === `/best?week=${formatWeek(previousWeek(current))}`);
  await weeks.getByRole("link", { name: "Next week →" }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === "/best");
  await expectNoA11yViolations(page, "the best of the week page");
});

test("malformed and future weeks are pages that do not exist", async ({ page }) => {
  const future = formatWeek(nextWeek(weekOf(new Date())));
  for (const week of ["2026-W00", "2025-W53", "2026-W99", "1999-W10", "last-week", "2026-w01", future]) {
    const response = await page.goto(`/best?week=${encodeURIComponent(week)}`);
    expect(response?.status(), week).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
    expect((await page.request.get(`/best/feed.xml?week=${encodeURIComponent(week)}`)).status(), `feed of ${week}`).toBe(404);
  }
});

test("the site header leads to the best of the week", async ({ page }) => {
  await page.goto("/");
  await siteHeader(page).getByRole("link", { name: "Best of the week" }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === "/best");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Best of the week");
  await expect(section(page, "Most insightful")).toBeVisible();
  await expect(section(page, "Funniest")).toBeVisible();
});
