// A member edits their own comment (shown as edited) and deletes it; nobody else gets the
// controls. Posts on the oldest article, whose comment count no spec compares.
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator } from "@playwright/test";
import { demoArticles } from "../prisma/demo";
import { createAndSignIn } from "./members";
import { NOT_FOUND_HEADING, createMemberAndSignIn, memberWithRole, newBrowserContext, newMember, signInAs, test, thread, uniqueSuffix } from "./fixtures";

const oldest = demoArticles.filter((a) => a.hoursAgo !== null).sort((a, b) => b.hoursAgo! - a.hoursAgo!)[0];
const ARTICLE = `/articles/${oldest.slug}`;

/** Follows "Edit" or "Delete" in the comment's "⋯" menu (both lead to the edit page). */
async function openEdit(comment: Locator, item: "Edit" | "Delete"): Promise<void> {
  await comment.locator(".action--more[aria-expanded]").first().click();
  await comment.getByRole("link", { name: item, exact: true }).first().click();
  await expect(comment.page()).toHaveURL(/\/comments\/[\w-]+\/edit(\?delete=1#delete-comment)?$/);
}

test("a member edits and then deletes their own comment; another member sees no controls", async ({ page, browser, baseURL }) => {
  // Two members register, each confirming the address and signing in: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const member = newMember();
  await createMemberAndSignIn(page, member, ARTICLE);
  const text = `First draft with a tpyo ${member.handle}`;
  const form = page.locator("section#leave-a-comment form");
  await expect(form.getByText(`Signed in as ${member.name}.`)).toBeVisible();
  await form.getByLabel("Comment", { exact: true }).fill(text);
  await form.getByRole("button", { name: "Post comment" }).click();
  const mine = thread(page).locator("li.comment").filter({ hasText: text });
  await expect(mine).toHaveCount(1);

  await page.reload();
  await openEdit(mine, "Edit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit comment");
  // Just posted: the whole window is left (a minute may pass on a busy machine).
  await expect(page.getByText(/^You can edit this for another 1[45] minutes\.$/)).toBeVisible();
  const fixed = `Second draft, typo fixed ${member.handle}`;
  await page.getByLabel("Comment", { exact: true }).fill(fixed);
  // Preview shows it rendered and keeps it in the box; nothing is saved yet.
  await page.getByLabel("Comment", { exact: true }).fill(`${fixed} **for sure**`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("for sure");
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue(`${fixed} **for sure**`);
  await page.getByLabel("Comment", { exact: true }).fill(fixed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}#comment-`));
  const edited = thread(page).locator("li.comment").filter({ hasText: fixed });
  await expect(edited).toContainText(/\(edited\b/);
  await expect(thread(page).getByText(text)).toHaveCount(0);

  // Someone else: the comment shows, its edit controls do not, and the edit page refuses.
  const other = await newBrowserContext(browser, baseURL);
  const otherPage = await other.newPage();
  await createMemberAndSignIn(otherPage, newMember(), ARTICLE);
  const seen = thread(otherPage).locator("li.comment").filter({ hasText: fixed });
  await expect(seen.getByRole("button", { name: "Reply" })).toBeVisible();
  await expect(seen.getByRole("link", { name: /Edit|Delete/ })).toHaveCount(0);
  // Not even folded away in the "⋯" menu.
  await expect(seen.locator('a[href*="/edit"]')).toHaveCount(0);
  const id = (await seen.getAttribute("id"))!.replace("comment-", "");
  await otherPage.goto(`/comments/${id}/edit`);
  await expect(otherPage.getByText("You can only edit your own comments.")).toBeVisible();
  await expect(otherPage.getByRole("button", { name: /Save changes|Delete this comment/ })).toHaveCount(0);
  await expect(otherPage.getByRole("link", { name: "Delete this comment" })).toHaveCount(0);
  await other.close();

  await page.reload();
  await openEdit(edited, "Delete");
  // Delete asks first, in place; "No, keep it" keeps it and gives focus back.
  const deleteLink = page.getByRole("link", { name: "Delete this comment" });
  await deleteLink.click();
  await expect(page.getByText("Delete this comment for good?")).toBeVisible();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.getByRole("button", { name: "No, keep it" })).toBeFocused();
  await page.getByRole("button", { name: "No, keep it" }).click();
  await expect(page.getByRole("button", { name: "Yes, delete it" })).toHaveCount(0);
  await expect(deleteLink).toBeFocused();
  await deleteLink.click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  // Then the article says it was done.
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}#deleted-notice$`));
  await expect(page.getByRole("status").filter({ hasText: "Your comment was deleted." })).toBeVisible();
  await expect(thread(page).getByText(fixed)).toHaveCount(0);
});

test("Cancel on the edit page goes back to the comment, asking first when the text was changed", async ({ page }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member, ARTICLE);
  const { commentId } = JSON.parse(execFileSync("npx", ["tsx", "e2e/tasks/add-comment.ts", member.handle, "Second thoughts", `Cancel me ${member.handle}`], { env: process.env, cwd: process.cwd(), encoding: "utf8" })) as { commentId: string };
  await page.goto(`/comments/${commentId}/edit`);
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue(`Cancel me ${member.handle}`);
  await page.getByLabel("Comment", { exact: true }).fill("Changed my mind");
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect.poll(() => question).toBe("Leave this page? What you typed has not been saved.");
  await expect(page).toHaveURL(new RegExp(`/comments/${commentId}/edit$`));
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("Changed my mind");
  // Saying yes leaves, asked once (the browser's own "leave site?" does not follow).
  const questions: string[] = [];
  page.on("dialog", (dialog) => {
    questions.push(dialog.type());
    void dialog.accept();
  });
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`#comment-${commentId}$`));
  expect(questions).toEqual(["confirm"]);
  // Unchanged, Cancel just goes back.
  await page.goto(`/comments/${commentId}/edit`);
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`#comment-${commentId}$`));
  expect(questions).toEqual(["confirm"]);
});

for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 360, height: 780 }]] as const) {
  test(`on a ${device}, the edit page with its delete question open passes axe (target size included), light and dark`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const member = newMember();
    await createMemberAndSignIn(page, member, ARTICLE);
    const { commentId } = JSON.parse(execFileSync("npx", ["tsx", "e2e/tasks/add-comment.ts", member.handle, "Looked at", `Check me ${member.handle}`], { env: process.env, cwd: process.cwd(), encoding: "utf8" })) as { commentId: string };
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/comments/${commentId}/edit`);
      await expect(page.getByText(/^You can edit this for another 1[45] minutes\.$/)).toBeVisible();
      await page.getByText("Formatting help", { exact: true }).click();
      await page.getByRole("link", { name: "Delete this comment" }).click();
      await expect(page.getByRole("button", { name: "Yes, delete it" })).toBeVisible();
      const results = await new AxeBuilder({ page }).include("main").options({ rules: { "target-size": { enabled: true } } }).analyze();
      expect(results.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on the edit page (${colorScheme})`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Delete leads to a question first, and the answer lands on the article saying it was done", async ({ page }) => {
    const member = newMember();
    await createAndSignIn(page, member, ARTICLE);
    const text = `Delete me plainly ${member.handle}`;
    const { commentId } = JSON.parse(execFileSync("npx", ["tsx", "e2e/tasks/add-comment.ts", member.handle, "", text], { env: process.env, cwd: process.cwd(), encoding: "utf8" })) as { commentId: string };
    await page.goto(`/comments/${commentId}/edit`);
    await page.getByRole("link", { name: "Delete this comment" }).click();
    await expect(page).toHaveURL(new RegExp(`/comments/${commentId}/edit\\?delete=1#delete-comment$`));
    await expect(page.getByText("Delete this comment for good?")).toBeVisible();
    // "No" is a way back to the edit page, nothing deleted.
    await page.getByRole("link", { name: "No, keep it" }).click();
    await expect(page).toHaveURL(new RegExp(`/comments/${commentId}/edit$`));
    await expect(page.getByLabel("Comment", { exact: true })).toHaveValue(text);
    await page.getByRole("link", { name: "Delete this comment" }).click();
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(page).toHaveURL(new RegExp(`${ARTICLE}#deleted-notice$`));
    await expect(page.getByText("Your comment was deleted.")).toBeVisible();
    await expect(thread(page).getByText(text)).toHaveCount(0);
  });
});

// React's hydration put a textarea's default text back over what had been typed into it
// (components/forms/kept-textarea.tsx). The page's scripts are held back here, so the words are
// typed before hydration every time, not only when the machine happens to be slow.
test("words typed into the edit box before the page's script runs are still there once it runs", async ({ page }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member, ARTICLE);
  const { commentId } = JSON.parse(execFileSync("npx", ["tsx", "e2e/tasks/add-comment.ts", member.handle, "Early bird", `Typed early ${member.handle}`], { env: process.env, cwd: process.cwd(), encoding: "utf8" })) as { commentId: string };
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(`/comments/${commentId}/edit`, { waitUntil: "domcontentloaded" });
  const box = page.getByLabel("Comment", { exact: true });
  await expect(box).toHaveValue(`Typed early ${member.handle}`);
  await box.fill(`Typed early, then **changed** ${member.handle}`);
  release();
  // Hydrated: the formatting table is built only while open from then on.
  await expect(page.locator(".formatting-help table")).toHaveCount(0);
  await expect(box).toHaveValue(`Typed early, then **changed** ${member.handle}`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("changed");
});

test("the edit page keeps the title of an article taken back to draft from all but its author", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const [author, commenter, stranger] = await Promise.all([memberWithRole("author"), memberWithRole("reader"), memberWithRole("reader")]);
  const title = `Withdrawn story ${uniqueSuffix()}`;
  const out = execFileSync("npx", ["tsx", "e2e/tasks/unpublished-comment.ts", author.handle, commenter.handle, title], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  const { commentId } = JSON.parse(out) as { commentId: string };
  const editPage = `/comments/${commentId}/edit`;

  // Any other member: no such page, and no title.
  await signInAs(page, stranger);
  const refused = await page.goto(editPage);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  expect(await page.content()).not.toContain(title);

  // The comment's author may still change their words, without learning what the article became.
  const own = await newBrowserContext(browser, baseURL);
  const ownPage = await own.newPage();
  await signInAs(ownPage, commenter);
  await ownPage.goto(editPage);
  await expect(ownPage.getByText("On an article that is not published at the moment.")).toBeVisible();
  await expect(ownPage.getByRole("link", { name: "Delete this comment" })).toBeVisible();
  expect(await ownPage.content()).not.toContain(title);
  await own.close();

  // The article's own author sees it.
  const desk = await newBrowserContext(browser, baseURL);
  const deskPage = await desk.newPage();
  await signInAs(deskPage, author);
  await deskPage.goto(editPage);
  await expect(deskPage.getByRole("link", { name: title })).toBeVisible();
  await desk.close();
});
