// Commenting without JavaScript: a post lands on the new comment, a reply goes through the reply
// page, and a mistake comes back with the message and the text kept.
import {
  ARTICLES,
  CORRECT_FIELDS,
  anonEmail,
  anotherVisitor,
  byline,
  commentForm,
  escapeRegExp,
  expect,
  fillCommentForm,
  formFields,
  replyControl,
} from "./comments-helpers";
import { expectFieldError, formAlert, ownBox, test, threadComments, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a post lands on the new comment, and a reply through the reply page lands on the reply", async ({ page, browser, baseURL }) => {
    const article = ARTICLES.noJs;
    const suffix = uniqueSuffix();
    await page.goto(article.path);
    const form = commentForm(page);
    const subject = `Plain HTML ${suffix}`;
    const body = `No scripts here ${suffix}`;
    await fillCommentForm(form, { subject, body, name: `Noscript ${suffix}`, email: anonEmail() });
    await formFields(form).post.click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(article.path)}#comment-[\\w-]+$`));
    const id = new URL(page.url()).hash.slice("#comment-".length);
    const comment = page.locator(`li.comment#comment-${id}`);
    await expect(ownBox(comment)).toContainText(body);
    await expect(ownBox(comment).getByRole("heading", { name: subject, exact: true })).toBeVisible();
    await expect(comment).toHaveAttribute("data-depth", "0");
    await expect(byline(comment).locator(".comment__author")).toHaveText(`Noscript ${suffix}`);

    // Another visitor replies: "Reply" is a link to a page with the form.
    const { context, page: other } = await anotherVisitor(browser, baseURL, { javaScriptEnabled: false });
    try {
      await other.goto(article.path);
      const reply = replyControl(other.locator(`li.comment#comment-${id}`)).getByRole("link", { name: "Reply" });
      await expect(reply).toHaveAttribute("href", `/comments/${id}/reply`);
      await reply.click();
      await expect(other).toHaveURL(new RegExp(`/comments/${id}/reply$`));
      await expect(other.getByRole("heading", { level: 1 })).toHaveText("Reply");
      await expect(other.getByRole("main")).toContainText(body);
      // The way back is the permalink, which finds the page of the discussion that shows the comment.
      await expect(other.getByRole("main").getByRole("link", { name: article.title })).toHaveAttribute("href", `/comments/${id}`);

      const replyForm = other.locator("section#leave-a-comment form");
      const f = formFields(replyForm);
      await expect(f.subject).toHaveValue(`Re: ${subject}`);
      const replyBody = `Replying without scripts ${suffix}`;
      await fillCommentForm(replyForm, { body: replyBody, email: anonEmail() });
      await f.post.click();
      await expect(other).toHaveURL(new RegExp(`${escapeRegExp(article.path)}#comment-[\\w-]+$`));
      const replyId = new URL(other.url()).hash.slice("#comment-".length);
      expect(replyId).not.toBe(id);
      const posted = other.locator(`li.comment#comment-${id} > ul.comment-list > li.comment#comment-${replyId}`);
      await expect(posted).toHaveCount(1);
      await expect(posted).toHaveAttribute("data-depth", "1");
      await expect(ownBox(posted)).toContainText(replyBody);
      await expect(ownBox(posted).getByRole("heading", { level: 3 })).toHaveText(`Re: ${subject}`);
      await expect(byline(posted).locator(".comment__author")).toHaveText("Anonymous Coward");
    } finally {
      await context.close();
    }
  });

  test("a mistake without JavaScript shows the message and keeps the text", async ({ page }) => {
    const article = ARTICLES.noJs;
    const suffix = uniqueSuffix();
    await page.goto(article.path);
    const form = commentForm(page);
    const f = formFields(form);
    const email = anonEmail();
    await fillCommentForm(form, { subject: `Only a subject ${suffix}`, name: `Nell ${suffix}`, email, body: "" });
    await f.post.click();
    await expect(formAlert(page, CORRECT_FIELDS)).toBeVisible();
    await expectFieldError(f.body, "Write a comment first.");
    await expect(f.subject).toHaveValue(`Only a subject ${suffix}`);
    await expect(f.name).toHaveValue(`Nell ${suffix}`);
    await expect(f.email).toHaveValue(email);
    await expect(threadComments(page).filter({ hasText: `Only a subject ${suffix}` })).toHaveCount(0);
  });
});
