// The bell and /notifications, as members use them: a reply to Ada's comment lights her bell
// without a reload (the bell polls while the tab is visible), the page lists it and leads to the
// comment's permalink, and "Mark as read" / "Mark all as read" work with and without JavaScript.
// Replies are posted for real (the outbox writes the rows in the reply's transaction).
import { execFileSync } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { expect, fillCommentForm, formFields } from "./comments-helpers";
import { expectNoA11yViolations, newBrowserContext, newMember, siteHeader, test, uniqueSuffix, type Member } from "./fixtures";
import { createAndSignIn } from "./members";

test.describe.configure({ timeout: 120_000 });

// The bell asks every half minute; these pages ask every half second so a test sees a new item
// arrive without waiting (components/notifications/notification-bell.tsx reads this).
const FAST_POLL_MS = 500;
const UNREAD_API = "/api/notifications/unread";

/** A member's top-level comment, written straight into the database (e2e/tasks/add-comment.ts). */
function commentBy(member: Member, subject: string): { commentId: string; slug: string } {
  const output = execFileSync("npx", ["tsx", "e2e/tasks/add-comment.ts", member.handle, subject, `Something to answer ${uniqueSuffix()}`], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return JSON.parse(output) as { commentId: string; slug: string };
}

/** Another member answers the comment through its reply page, in a browser of their own. */
async function replyAs(browser: Browser, baseURL: string | undefined, member: Member, commentId: string, { javaScriptEnabled = true } = {}): Promise<void> {
  const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled });
  try {
    const page = await context.newPage();
    await createAndSignIn(page, member, `/comments/${commentId}/reply`);
    const form = page.locator("section#leave-a-comment form");
    await fillCommentForm(form, { body: `An answer from ${member.name}` });
    await formFields(form).post.click();
    await expect(page).toHaveURL(/\/articles\/[^#]+#comment-[\w-]+$/);
  } finally {
    await context.close();
  }
}

const bell = (page: Page) => siteHeader(page).getByRole("link", { name: /^Notifications/ });

test("a reply lights the bell without a reload; the page leads to the comment and marks all read", async ({ page, browser, baseURL }) => {
  const [ada, bob, cy] = [newMember(), newMember(), newMember()];
  const subject = `Bell ringing ${uniqueSuffix()}`;
  await page.addInitScript((ms) => Object.assign(window, { __deptBellPollMs: ms }), FAST_POLL_MS);
  await createAndSignIn(page, ada, "/");
  const { commentId } = commentBy(ada, subject);
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  await replyAs(browser, baseURL, bob, commentId);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(bell(page)).toHaveText("1");
  expect(await page.evaluate(() => (window as Window & { __sameDocument?: boolean }).__sameDocument), "no reload").toBe(true);

  // A hidden tab asks nothing; shown again, it asks at once.
  const asked: string[] = [];
  page.on("request", (r) => void (r.url().includes(UNREAD_API) && asked.push(r.url())));
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await replyAs(browser, baseURL, cy, commentId, { javaScriptEnabled: false });
  await page.waitForTimeout(FAST_POLL_MS * 3);
  expect(asked, "requests while the tab was hidden").toEqual([]);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");

  await bell(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  const items = page.getByRole("main").getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(`Unread: ${cy.name} replied to your comment on`);
  const bobs = items.filter({ hasText: `${bob.name} replied to your comment on` });
  await expect(bobs).toContainText(`“Re: ${subject}”`);
  await expectNoA11yViolations(page, "/notifications with items");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoA11yViolations(page, "/notifications with items, dark scheme");
  await page.emulateMedia({ colorScheme: "light" });

  // Following the item leads to the reply on its article, and counts it read.
  await bobs.getByRole("link", { name: new RegExp(`^${bob.name} replied`) }).click();
  await expect(page).toHaveURL(/\/articles\/[^#]+#comment-[\w-]+$/);
  await expect(page.locator(`li.comment${new URL(page.url()).hash}`)).toContainText(`An answer from ${bob.name}`);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");

  await bell(page).click();
  await expect(bobs).not.toContainText("Unread");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("All read.")).toBeVisible();
  await expect(items.filter({ hasText: "Unread" })).toHaveCount(0);
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(bell(page).locator(".notification-bell__count")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header links the page, which marks one item read", async ({ page, browser, baseURL }) => {
    await page.goto("/notifications");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)notifications$/);

    const [ada, bob] = [newMember(), newMember()];
    await createAndSignIn(page, ada, "/");
    const { commentId } = commentBy(ada, `Quiet bell ${uniqueSuffix()}`);
    await replyAs(browser, baseURL, bob, commentId, { javaScriptEnabled: false });
    await siteHeader(page).getByRole("link", { name: "Notifications", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
    const item = page.getByRole("main").getByRole("listitem").filter({ hasText: `${bob.name} replied to your comment on` });
    await expect(item).toContainText("Unread:");
    await item.getByRole("button", { name: /^Mark as read/ }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(item).not.toContainText("Unread");
    await expect(page.getByText("All read.")).toBeVisible();
  });
});

test("an empty list says what will come, and passes axe", async ({ page }) => {
  await createAndSignIn(page, newMember(), "/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  await expect(page.getByText("Nothing yet. When someone replies to you, you'll see it here.")).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expectNoA11yViolations(page, "/notifications, empty");
});
