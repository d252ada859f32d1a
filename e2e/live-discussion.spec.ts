// The live discussion: while an article is open, comments posted elsewhere announce themselves
// ("1 new comment — show") without a reload, and "show" brings them into the page in place. A
// tab that is hidden asks nothing (its stream is closed) and catches up when shown again. The
// article page stays the shared cached page throughout.
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import type { Page, Request } from "@playwright/test";
import { commentWithText, expect } from "./comments-helpers";
import { newBrowserContext, test, uniqueSuffix } from "./fixtures";
import { LIVE, liveArticle, post, reader, showButton } from "./live-helpers";

test.describe.configure({ timeout: 90_000 });

/** Makes the page's tab hidden or visible, as switching tabs does (Chromium headless never hides a page). */
async function setVisible(page: Page, visible: boolean) {
  await page.evaluate((state) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => state === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, visible ? "visible" : "hidden");
}

test("a second browser hears of a new comment within 3 s and shows it in place; the page stays cached", async ({ browser, baseURL, request }) => {
  const article = liveArticle();
  const path = `/articles/${article.slug}`;
  const cacheState = async () => {
    const res = await request.get(path);
    return { cache: res.headers()["x-nextjs-cache"], control: res.headers()["cache-control"] };
  };
  // Shared and cached before (the first request renders it, the next ones are served from the cache).
  await expect.poll(async () => (await cacheState()).cache).toBe("HIT");
  const cachedControl = (await cacheState()).control;
  expect(cachedControl).not.toMatch(/no-store|private/);

  const a = await reader(browser, baseURL, path);
  const b = await reader(browser, baseURL, path);
  try {
    const text = `Posted while you read ${uniqueSuffix()}.`;
    await post(a.page, text);
    const posted = Date.now();
    await expect(showButton(b.page)).toHaveText("1 new comment — show", { timeout: 3_000 });
    expect(Date.now() - posted).toBeLessThan(3_000);
    // Its author is not told of their own comment.
    await expect(showButton(a.page)).toHaveCount(0);

    // The announcement passes axe (target size included), checked on the discussion alone.
    const axe = await new AxeBuilder({ page: b.page }).include("#comments").options({ rules: { "target-size": { enabled: true } } }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // A real button: focused, Enter shows.
    await showButton(b.page).focus();
    await expect(showButton(b.page)).toBeFocused();
    await b.page.keyboard.press("Enter");
    const arrived = commentWithText(b.page, text);
    await expect(arrived).toBeVisible();
    await expect(arrived).toBeFocused();
    await expect(showButton(b.page)).toHaveCount(0);
    expect(b.page.url()).toContain(path);

    // Still the one cached page for everyone.
    await expect.poll(async () => (await cacheState()).cache).toBe("HIT");
    expect((await cacheState()).control).toBe(cachedControl);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test("without JavaScript nothing is announced and nothing is asked", async ({ browser, baseURL }) => {
  const article = liveArticle();
  const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
  const page = await context.newPage();
  const asked: string[] = [];
  page.on("request", (r) => void (LIVE.test(r.url()) && asked.push(r.url())));
  try {
    await page.goto(`/articles/${article.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
    await expect(showButton(page)).toHaveCount(0);
    await expect(page.locator("#comments .live-comments")).toBeEmpty();
    expect(asked).toEqual([]);
  } finally {
    await context.close();
  }
});

test("a hidden tab makes no request and catches up when shown again", async ({ browser, baseURL }) => {
  const article = liveArticle();
  const path = `/articles/${article.slug}`;
  const b = await reader(browser, baseURL, path);
  const writer = await reader(browser, baseURL, path);
  const watcher = await reader(browser, baseURL, path);
  try {
    const open = b.stream;
    const asked: Request[] = [];
    b.page.on("request", (r) => {
      if (LIVE.test(r.url())) asked.push(r);
    });
    // Hiding the tab closes its stream (the browser ends the request).
    const ended = Promise.race([b.page.waitForEvent("requestfailed", (r) => r === open), b.page.waitForEvent("requestfinished", (r) => r === open)]);
    await setVisible(b.page, false);
    await ended;

    const text = `Posted while the tab was hidden ${uniqueSuffix()}.`;
    await post(writer.page, text);
    // A reader whose tab stayed visible has heard of it: by then an open stream would have too.
    await expect(showButton(watcher.page)).toHaveText("1 new comment — show", { timeout: 3_000 });
    expect(asked).toHaveLength(0);
    await expect(showButton(b.page)).toHaveCount(0);

    // Shown again: one request, from where it left off, and the news arrives.
    await setVisible(b.page, true);
    await expect(showButton(b.page)).toHaveText("1 new comment — show", { timeout: 3_000 });
    expect(asked).toHaveLength(1);
    expect(new URL(asked[0].url()).searchParams.get("after")).toMatch(/^\d+$/);
  } finally {
    await b.context.close();
    await writer.context.close();
    await watcher.context.close();
  }
});

test("a new comment that belongs on another page of a long discussion is shown there, by its permalink", async ({ browser, baseURL }) => {
  const out = execFileSync("npx", ["tsx", "e2e/tasks/long-discussion.ts", "live"], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  const long = JSON.parse(out.trim().split("\n").pop()!) as { slug: string };
  const path = `/articles/${long.slug}`;
  const b = await reader(browser, baseURL, path);
  const a = await reader(browser, baseURL, path);
  try {
    // A new thread goes last, oldest first: on the last page (a new one, maybe), not on page 1
    // where B reads.
    const text = `A new thread on a long discussion ${uniqueSuffix()}.`;
    await post(a.page, text, { elsewhere: true });
    await showButton(b.page).click();
    await expect(commentWithText(b.page, text)).toBeVisible();
    expect(Number(new URL(b.page.url()).searchParams.get("cpage"))).toBeGreaterThan(1);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
