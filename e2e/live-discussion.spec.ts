// The live discussion: while an article is open, comments posted elsewhere announce themselves
// ("1 new comment — show") without a reload, and "show" brings them into the page in place. A
// tab that is hidden asks nothing (its stream is closed) and catches up when shown again. The
// article page stays the shared cached page throughout.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import type { Browser, Page, Request } from "@playwright/test";
import { commentForm, commentWithText, expect, fillCommentForm, formFields, POSTED, waitUntilInteractive } from "./comments-helpers";
import { newBrowserContext, test, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

type LiveArticle = { id: string; slug: string; title: string };

function liveArticle(): LiveArticle {
  const out = execFileSync("npx", ["tsx", "e2e/tasks/live-article.ts"], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as LiveArticle;
}

const LIVE = /\/api\/articles\/[^/]+\/live(\?|$)/;
const showButton = (page: Page) => page.getByRole("button", { name: /^\d+ new comments? — show$/ });

/** Opens the article in a browser of its own and waits until it is interactive and listening. */
async function reader(browser: Browser, baseURL: string | undefined, path: string) {
  const context = await newBrowserContext(browser, baseURL);
  const page = await context.newPage();
  const listening = page.waitForRequest(LIVE);
  await page.goto(path);
  await waitUntilInteractive(page);
  return { context, page, stream: await listening };
}

/** Posts an anonymous top-level comment through the form, as the page's reader. */
async function post(page: Page, body: string) {
  const form = commentForm(page);
  await fillCommentForm(form, { subject: "Live", body, name: "Quick Typist", email: `typist.${uniqueSuffix()}@example.test` });
  await formFields(form).post.click();
  await expect(form.getByText(POSTED)).toBeVisible();
}

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

    // Keyboard reachable: focus it and press Enter.
    await showButton(b.page).focus();
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

test("a hidden tab makes no request and catches up when shown again", async ({ browser, baseURL }) => {
  const article = liveArticle();
  const path = `/articles/${article.slug}`;
  const b = await reader(browser, baseURL, path);
  const writer = await reader(browser, baseURL, path);
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
    // Long enough for the announcement to have reached an open stream (it goes out at once).
    await writer.page.waitForTimeout(1_500);
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
  }
});

/** A free local port, for a second app server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Another instance of the app on the same database and build, as behind a load balancer. */
async function secondInstance(): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SITE_URL: url, NODE_ENV: "production", TRUST_PROXY: "1", DEPT_DIST_DIR: process.env.DEPT_DIST_DIR ?? ".next-e2e" };
  const server = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: process.cwd(), env, stdio: "ignore" });
  await expect.poll(async () => (await fetch(`${url}/robots.txt`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
  return { url, server };
}

test("a reader on another instance of the app hears of it too (Redis pub/sub with REDIS_URL, else the database)", async ({ browser, baseURL }) => {
  const article = liveArticle();
  const path = `/articles/${article.slug}`;
  const other = await secondInstance();
  try {
    const b = await reader(browser, other.url, path);
    const a = await reader(browser, baseURL, path);
    try {
      await post(a.page, `Posted on the first instance ${uniqueSuffix()}.`);
      await expect(showButton(b.page)).toHaveText("1 new comment — show", { timeout: 3_000 });
    } finally {
      await a.context.close();
      await b.context.close();
    }
  } finally {
    other.server.kill();
  }
});
