// Following as a reader meets it: "Follow this discussion" under the comments heading and
// "Follow this thread" in a comment's ⋯ menu, with and without JavaScript; an anonymous poster
// asking for reply mail and confirming the address from the mail; the private replies feed
// from settings.
import type { Browser, Page } from "@playwright/test";
import { articleIdOf, commentForm, expect, formFields, moreActions, moreActionsLink, POSTED, replyControl, UNCOUNTED } from "./comments-helpers";
import { expectNoA11yViolations, newBrowserContext, newMember, realComments, test, uniqueSuffix, type Member } from "./fixtures";
import { linkIn, waitForMail } from "./mail";
import { createAndSignIn } from "./members";

test.describe.configure({ timeout: 90_000 });

const comments = (page: Page) => page.locator("section#comments");
const discussionButton = (page: Page, name: string) => comments(page).locator(".comments__follow").getByRole("button", { name, exact: true });

// UNCOUNTED: the article tests post on without counting its comments.
async function memberPage(browser: Browser, baseURL: string | undefined, javaScriptEnabled: boolean, path = UNCOUNTED.path) {
  const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled });
  const page = await context.newPage();
  const member = newMember();
  await createAndSignIn(page, member, path);
  return { context, page, member };
}

/** The article page once it knows who is looking (the form names the member). */
async function untilViewerKnown(page: Page, member: Member) {
  await expect(commentForm(page).getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
}

test("a member follows and unfollows a discussion, and the page remembers", async ({ browser, baseURL }) => {
  const { context, page, member } = await memberPage(browser, baseURL, true);
  await untilViewerKnown(page, member);
  await discussionButton(page, "Follow this discussion").click();
  await expect(discussionButton(page, "Unfollow this discussion")).toBeVisible();
  // The cached page is everyone's: what this reader follows comes from /api/viewer after load.
  await page.reload();
  await discussionButton(page, "Unfollow this discussion").click();
  await expect(discussionButton(page, "Follow this discussion")).toBeVisible();
  await page.reload();
  await untilViewerKnown(page, member);
  await expect(discussionButton(page, "Follow this discussion")).toBeVisible();
  await context.close();
});

/** Posts a comment through the article's form and opens the new comment's ⋯ menu. */
async function postAndOpenMenu(page: Page, body: string) {
  await formFields(commentForm(page)).body.fill(body);
  await formFields(commentForm(page)).post.click();
  const comment = realComments(page).filter({ hasText: body });
  const panel = replyControl(comment).locator(".more-menu__panel");
  await moreActions(comment).click();
  return { comment, panel };
}

test("without JavaScript, following is a form that comes back to the discussion showing it", async ({ browser, baseURL }) => {
  const { context, page } = await memberPage(browser, baseURL, false);
  await discussionButton(page, "Follow this discussion").click();
  await expect(page).toHaveURL(new RegExp(`${UNCOUNTED.path}#comments$`));
  await discussionButton(page, "Unfollow this discussion").click();
  await expect(page).toHaveURL(new RegExp(`${UNCOUNTED.path}#comments$`));
  await expect(discussionButton(page, "Follow this discussion")).toBeVisible();

  // A thread: one's own new comment is followed; its "⋯" leads to the comment's actions, where
  // unfollowing is a form that lands back on the comment.
  const body = `Followed without scripts ${uniqueSuffix()}`;
  await formFields(commentForm(page)).body.fill(body);
  await formFields(commentForm(page)).post.click();
  const comment = realComments(page).filter({ hasText: body });
  await moreActionsLink(comment).click();
  await page.getByRole("main").getByRole("button", { name: "Unfollow this thread", exact: true }).click();
  await expect(page).toHaveURL(/#comment-[\w-]+$/);
  await moreActionsLink(comment).click();
  await expect(page.getByRole("main").getByRole("button", { name: "Follow this thread", exact: true })).toBeVisible();
  await context.close();
});

test("a signed-out reader is asked to sign in instead", async ({ page }) => {
  await page.goto(UNCOUNTED.path);
  const link = comments(page).locator(".comments__follow").getByRole("link", { name: "Sign in to follow" });
  await expect(link).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(`${UNCOUNTED.path}#comments`)}`);
});

test("a member follows a thread from the comment's ⋯ menu; their own comment's thread is followed already", async ({ browser, baseURL }) => {
  const { context, page, member } = await memberPage(browser, baseURL, true);
  await untilViewerKnown(page, member);
  const { comment, panel } = await postAndOpenMenu(page, `A thread to follow ${uniqueSuffix()}`);
  // Posting follows one's own thread.
  await panel.getByRole("button", { name: "Unfollow this thread", exact: true }).click();
  await expect(panel.getByRole("button", { name: "Follow this thread", exact: true })).toBeVisible();
  await page.reload();
  await untilViewerKnown(page, member);
  await moreActions(comment).click();
  await panel.getByRole("button", { name: "Follow this thread", exact: true }).click();
  await expect(panel.getByRole("button", { name: "Unfollow this thread", exact: true })).toBeVisible();
  await page.reload();
  await untilViewerKnown(page, member);
  await moreActions(comment).click();
  await expect(panel.getByRole("button", { name: "Unfollow this thread", exact: true })).toBeVisible();
  // Following a thread is not following the whole discussion.
  await expect(discussionButton(page, "Follow this discussion")).toBeVisible();
  await context.close();
});

test("an anonymous poster asks for reply mail and confirms the address from the mail", async ({ page }) => {
  const email = `anon.${uniqueSuffix()}@example.test`;
  await page.goto(UNCOUNTED.path);
  const form = commentForm(page);
  // Once interactive, the form offers to remember the poster: a post then stays in place.
  await expect(form.getByLabel(/^Save my name, email and website/)).toBeVisible();
  const box = form.getByLabel("Email me when someone replies (we’ll ask you to confirm your address first)");
  await expect(box).not.toBeChecked();
  const f = formFields(form);
  await f.name.fill("Passing Reader");
  await f.email.fill(email);
  await f.body.fill(`Tell me when someone answers ${uniqueSuffix()}.`);
  await box.check();
  await f.post.click();
  await expect(form.getByText(POSTED)).toBeVisible();

  const mail = await waitForMail(email, /^Confirm your address to get replies on /);
  expect(mail.text).toContain("/notifications/unsubscribe?token=");
  const link = new URL(linkIn(mail, "/notifications/confirm"));
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your address");
  await expectNoA11yViolations(page, "the address confirmation page");
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your address is confirmed");
  await expect(page.getByText("You’ll get an email when someone replies.")).toBeVisible();

  await page.goto("/notifications/confirm?token=not-a-real-token-at-all-000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This confirmation link does not work");
});

test("a script posting as a signed-out poster may ask for reply mail too", async ({ request }) => {
  const email = `script.${uniqueSuffix()}@example.test`;
  const articleId = await articleIdOf(request, UNCOUNTED);
  const data = { articleId, body: `From a script ${uniqueSuffix()}`, anonName: "Script", anonEmail: email, notifyReplies: true };
  expect((await request.post("/api/comments", { data })).status()).toBe(201);
  const mail = await waitForMail(email, /^Confirm your address to get replies on /);
  expect(linkIn(mail, "/notifications/confirm")).toMatch(/\/notifications\/confirm\?token=[\w-]{40,}$/);
});

test("settings make a private replies feed address that serves RSS, and a new one ends the old", async ({ browser, baseURL }) => {
  const { context, page } = await memberPage(browser, baseURL, true, "/settings#replies-feed");
  const section = page.getByRole("region", { name: "Replies feed" });
  await section.getByRole("button", { name: "Create my feed address" }).click();
  const field = section.getByLabel("Your private feed address");
  await expect(field).toHaveValue(/\/users\/[^/]+\/replies\.xml\?token=[\w-]{40,}$/);
  await expectNoA11yViolations(page, "the settings page with its Replies feed section");
  const first = new URL(await field.inputValue());
  const feed = await page.request.get(first.pathname + first.search);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  expect(feed.headers()["cache-control"]).toBe("private, no-store");
  expect(await feed.text()).toContain("<rss version=\"2.0\"");

  await section.getByRole("button", { name: "Make a new address" }).click();
  await expect(field).not.toHaveValue(first.href);
  const second = new URL(await field.inputValue());
  expect((await page.request.get(first.pathname + first.search)).status()).toBe(404);
  expect((await page.request.get(second.pathname + second.search)).status()).toBe(200);
  await context.close();
});
