// A member edits their own comment (shown as edited) and deletes it; nobody else gets the
// controls. Posts on the oldest article, whose comment count no spec compares.
import { expect } from "@playwright/test";
import { demoArticles } from "../prisma/demo";
import { newBrowserContext, newMember, registerThroughForm, test, thread } from "./fixtures";

const oldest = demoArticles.filter((a) => a.hoursAgo !== null).sort((a, b) => b.hoursAgo! - a.hoursAgo!)[0];
const ARTICLE = `/articles/${oldest.slug}`;

test("a member edits and then deletes their own comment; another member sees no controls", async ({ page, browser, baseURL }) => {
  const member = newMember();
  await registerThroughForm(page, member, ARTICLE);
  const text = `First draft with a tpyo ${member.handle}`;
  const form = page.locator("section#leave-a-comment form");
  await expect(form.getByText(`Signed in as ${member.name}.`)).toBeVisible();
  await form.getByLabel("Comment", { exact: true }).fill(text);
  await form.getByRole("button", { name: "Post comment" }).click();
  const mine = thread(page).locator("li.comment").filter({ hasText: text });
  await expect(mine).toHaveCount(1);

  await page.reload();
  await mine.getByRole("link", { name: "Edit or delete" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit comment");
  const fixed = `Second draft, typo fixed ${member.handle}`;
  await page.getByLabel("Comment", { exact: true }).fill(fixed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}#comment-`));
  const edited = thread(page).locator("li.comment").filter({ hasText: fixed });
  await expect(edited).toContainText("(edited)");
  await expect(thread(page).getByText(text)).toHaveCount(0);

  // Someone else: the comment shows, its edit controls do not, and the edit page refuses.
  const other = await newBrowserContext(browser, baseURL);
  const otherPage = await other.newPage();
  await registerThroughForm(otherPage, newMember(), ARTICLE);
  const seen = thread(otherPage).locator("li.comment").filter({ hasText: fixed });
  await expect(seen.getByRole("button", { name: "Reply" })).toBeVisible();
  await expect(seen.getByRole("link", { name: /Edit|Delete/ })).toHaveCount(0);
  const id = (await seen.getAttribute("id"))!.replace("comment-", "");
  await otherPage.goto(`/comments/${id}/edit`);
  await expect(otherPage.getByText("You can only edit your own comments.")).toBeVisible();
  await expect(otherPage.getByRole("button", { name: /Save changes|Delete this comment/ })).toHaveCount(0);
  await other.close();

  await page.reload();
  await edited.getByRole("link", { name: "Edit or delete" }).click();
  await page.getByRole("button", { name: "Delete this comment" }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}#comments$`));
  await expect(thread(page).getByText(fixed)).toHaveCount(0);
});
