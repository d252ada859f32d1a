// Shared by the live-discussion specs: an article of their own, a reader that waits until the
// page listens, an anonymous post through the form.
import { execFileSync } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { commentForm, expect, fillCommentForm, formFields, POSTED, waitUntilInteractive } from "./comments-helpers";
import { newBrowserContext, uniqueSuffix } from "./fixtures";

export type LiveArticle = { id: string; slug: string; title: string };

export function liveArticle(): LiveArticle {
  const out = execFileSync("npx", ["tsx", "e2e/tasks/live-article.ts"], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as LiveArticle;
}

export const LIVE = /\/api\/articles\/[^/]+\/live(\?|$)/;
export const showButton = (page: Page) => page.getByRole("button", { name: /^\d+ new comments? — show$/ });

/** Opens the article in a browser of its own and waits until it is interactive and listening. */
export async function reader(browser: Browser, baseURL: string | undefined, path: string) {
  const context = await newBrowserContext(browser, baseURL);
  const page = await context.newPage();
  const listening = page.waitForRequest(LIVE);
  await page.goto(path);
  await waitUntilInteractive(page);
  return { context, page, stream: await listening };
}

/**
 * Posts an anonymous top-level comment through the form, as the page's reader. On a paged
 * discussion a new thread may belong on another page (`elsewhere`): the form then takes its
 * poster there instead of saying "posted" in place.
 */
export async function post(page: Page, body: string, { elsewhere = false } = {}) {
  const form = commentForm(page);
  await fillCommentForm(form, { subject: "Live", body, name: "Quick Typist", email: `typist.${uniqueSuffix()}@example.test` });
  await formFields(form).post.click();
  if (elsewhere) await expect(page).toHaveURL(/[?&]cpage=\d+#comment-/);
  else await expect(form.getByText(POSTED)).toBeVisible();
}
