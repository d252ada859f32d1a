// A long discussion is shown a page at a time: whole threads per page, plain links between pages
// (with or without JavaScript), permalinks that find the right page, and a new comment that
// lands on the page that shows it.
import { execFileSync } from "node:child_process";
import { commentForm, commentWithText, expect, fillCommentForm, formFields, waitUntilInteractive } from "./comments-helpers";
import { memberWithRole, newBrowserContext, signInAs, test, thread, threadComments } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

type Long = { slug: string; title: string; firstId: string; lastReplyId: string };

function longDiscussion(label: string): Long {
  const out = execFileSync("npx", ["tsx", "e2e/tasks/long-discussion.ts", label], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Long;
}

const pager = (page: import("@playwright/test").Page) => thread(page).getByRole("navigation", { name: "Comment pages", exact: true });

test("pages of whole threads, linked without JavaScript", async ({ browser, baseURL }) => {
  const long = longDiscussion("no-js");
  const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`/articles/${long.slug}`);
    await expect(page.getByRole("heading", { level: 2, name: "180 Comments" })).toBeVisible();
    await expect(pager(page).getByText("Comments page 1 of 3")).toBeVisible();
    await expect(threadComments(page)).toHaveCount(60);
    await expect(commentWithText(page, "Opening comment of thread 1.")).toBeVisible();
    await expect(commentWithText(page, "Opening comment of thread 31.")).toHaveCount(0);

    await pager(page).getByRole("link", { name: "More comments" }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/articles/${long.slug}` && url.searchParams.get("cpage") === "2");
    await expect(pager(page).getByText("Comments page 2 of 3")).toBeVisible();
    await expect(threadComments(page)).toHaveCount(60);
    // Thread 31 opens page 2, with its reply under it; page 1's threads are gone.
    await expect(commentWithText(page, "Opening comment of thread 31.")).toBeVisible();
    await expect(commentWithText(page, "A reply in thread 31.")).toBeVisible();
    await expect(commentWithText(page, "Opening comment of thread 1.")).toHaveCount(0);

    await pager(page).getByRole("link", { name: "Comments page 3" }).click();
    await expect(pager(page).getByText("Comments page 3 of 3")).toBeVisible();
    await expect(pager(page).getByRole("link", { name: "More comments" })).toHaveCount(0);
    await pager(page).getByRole("link", { name: "Previous comments" }).click();
    await expect(pager(page).getByText("Comments page 2 of 3")).toBeVisible();

    // A page past the end does not exist.
    const past = await page.request.get(`/articles/${long.slug}?cpage=9`);
    expect(past.status()).toBe(404);
  } finally {
    await context.close();
  }
});

test("a permalink opens the page that shows the comment; a short discussion has no pages", async ({ page }) => {
  const long = longDiscussion("permalink");
  await page.goto(`/comments/${long.lastReplyId}`);
  await expect(page).toHaveURL((url) => url.searchParams.get("cpage") === "3" && url.hash === `#comment-${long.lastReplyId}`);
  await expect(page.locator(`#comment-${long.lastReplyId}`)).toBeVisible();
  await expect(page.locator(`#comment-${long.lastReplyId}`)).toBeInViewport();

  await page.goto(`/comments/${long.firstId}`);
  await expect(page).toHaveURL((url) => url.pathname === `/articles/${long.slug}` && url.search === "");
  await expect(page.locator(`#comment-${long.firstId}`)).toBeVisible();

  // The flagship's discussion fits on one page: no pager at all.
  await page.goto("/");
  await page.getByRole("main").getByRole("article").first().getByRole("heading", { level: 2 }).getByRole("link").click();
  await expect(thread(page)).toBeVisible();
  await expect(pager(page)).toHaveCount(0);
});

test("a new thread posted from the first page is shown on the page it lands on", async ({ page }) => {
  const long = longDiscussion("posting");
  const member = await memberWithRole("reader");
  await signInAs(page, member);
  await page.goto(`/articles/${long.slug}`);
  await waitUntilInteractive(page);
  const body = `A new thread at the end of a long discussion, by ${member.handle}`;
  const form = commentForm(page);
  await expect(form.getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
  await fillCommentForm(form, { subject: "Late to the party", body });
  await formFields(form).post.click();
  // 180 comments fill three pages; the new thread opens a fourth.
  await expect(page).toHaveURL((url) => url.searchParams.get("cpage") === "4" && url.hash.startsWith("#comment-"), { timeout: 20_000 });
  await expect(commentWithText(page, body)).toBeVisible();
  await expect(pager(page).getByText("Comments page 4 of 4")).toBeVisible();
});
