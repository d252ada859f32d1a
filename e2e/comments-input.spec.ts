// Commenting, when what is typed needs a second look: Preview renders without storing, mistakes
// are explained next to the field with what was typed kept, and link-heavy anonymous comments are
// held for a moderator (with JavaScript; without it: comments-nojs.spec.ts).
import type { Locator } from "@playwright/test";
import {
  ARTICLES,
  CORRECT_FIELDS,
  HELD,
  POSTED,
  anonEmail,
  anotherVisitor,
  byline,
  clickAndWaitForPost,
  commentForm,
  commentWithText,
  countHeading,
  countLabel,
  expect,
  fillCommentForm,
  formFields,
  headingCount,
  homeCardCount,
  openArticle,
  openArticleAsMember,
  openFromHome,
  postTopLevel,
  registerMember,
  statusMessage,
} from "./comments-helpers";
import { expectFieldError, expectNoFieldError, formAlert, newMember, ownBox, test, thread, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

test.describe("with JavaScript", () => {
  test("Preview shows the rendered Markdown and stores nothing; posting afterwards publishes it", async ({ page }) => {
    const article = ARTICLES.preview;
    const suffix = uniqueSuffix();
    await openArticle(page, article);
    const before = await headingCount(page);
    const form = commentForm(page);
    const f = formFields(form);
    const subject = `Previewed ${suffix}`;
    const body = [`**Bold claim** and *an aside* ${suffix}`, "> A quoted doorbell.", "- first\n- second", "Use `curl` or [the policy](https://example.org/policy). <b>Raw HTML</b> stays text."].join("\n\n");
    await fillCommentForm(form, { subject, body });
    await clickAndWaitForPost(page, f.preview);

    const preview = form.getByRole("region", { name: "Preview" });
    await expect(preview).toBeVisible();
    await expect(preview.locator("strong")).toHaveText("Bold claim");
    await expect(preview.locator("em")).toHaveText("an aside");
    await expect(preview.getByRole("blockquote")).toHaveText("A quoted doorbell.");
    await expect(preview.getByRole("listitem")).toHaveText(["first", "second"]);
    await expect(preview.locator("code")).toHaveText("curl");
    const link = preview.getByRole("link", { name: "the policy" });
    await expect(link).toHaveAttribute("href", "https://example.org/policy");
    await expect(link).toHaveAttribute("rel", /\bnofollow\b/);
    await expect(preview).toContainText("<b>Raw HTML</b> stays text.");
    await expect(preview.locator("b")).toHaveCount(0);
    // What was typed is still there, and nothing says it was posted.
    await expect(f.subject).toHaveValue(subject);
    await expect(f.body).toHaveValue(body);
    await expect(statusMessage(form, POSTED)).toHaveCount(0);

    // Nothing was stored: not in the thread, not in a fresh copy of the page, not in the feed.
    await expect(commentWithText(page, `and an aside ${suffix}`)).toHaveCount(0);
    await expect(countHeading(page)).toHaveText(countLabel(before));
    const second = await page.context().newPage();
    await second.goto(article.path);
    await expect(countHeading(second)).toHaveText(countLabel(before));
    await expect(thread(second)).not.toContainText(suffix);
    const feed = await (await second.request.get(`${article.path}/feed.xml`)).text();
    expect(feed).toContain("<rss");
    expect(feed).not.toContain(suffix);
    await second.close();

    // Posting it then publishes what the preview showed.
    await f.email.fill(anonEmail());
    await clickAndWaitForPost(page, f.post);
    await expect(statusMessage(form, POSTED)).toBeVisible();
    await expect(preview).toHaveCount(0);
    const comment = commentWithText(page, `and an aside ${suffix}`);
    await expect(comment).toHaveCount(1);
    await expect(ownBox(comment).locator(".comment__body strong")).toHaveText("Bold claim");
    await expect(ownBox(comment).getByRole("heading", { name: subject, exact: true })).toBeVisible();
    await expect(countHeading(page)).toHaveText(countLabel(before + 1));
  });

  test("mistakes are explained next to the field and what was typed is kept", async ({ page }) => {
    const article = ARTICLES.badInput;
    const suffix = uniqueSuffix();
    await openArticle(page, article);
    const before = await headingCount(page);
    const form = commentForm(page);
    const f = formFields(form);
    const typed = { subject: `Keeping my words ${suffix}`, name: `Tess ${suffix}`, email: `tess.${suffix}@example.test`, website: `https://tess-${suffix}.example/` };
    const expectKept = async (values: Partial<typeof typed> & { body?: string } = {}) => {
      const expected = { ...typed, ...values };
      await expect(f.subject).toHaveValue(expected.subject);
      await expect(f.name).toHaveValue(expected.name);
      await expect(f.email).toHaveValue(expected.email);
      await expect(f.website).toHaveValue(expected.website);
      if (expected.body !== undefined) await expect(f.body).toHaveValue(expected.body);
    };
    const postExpectingError = async (field: Locator, message: string) => {
      await clickAndWaitForPost(page, f.post);
      await expect(formAlert(page, CORRECT_FIELDS)).toBeVisible();
      await expectFieldError(field, message);
      await expect(statusMessage(form, POSTED)).toHaveCount(0);
    };

    // An empty comment (spaces only count as empty).
    await fillCommentForm(form, { ...typed, body: "   \n  " });
    await postExpectingError(f.body, "Write a comment first.");
    await expectKept();

    // A subject over 120 characters. The field itself stops a person at 120...
    const body = `The map says fiber, the fish say otherwise ${suffix}.`;
    await f.body.fill(body);
    await f.subject.fill("s".repeat(121));
    await expect(f.subject).toHaveValue("s".repeat(120));
    // ...and a client that ignores the limit is told it by the server.
    await f.subject.evaluate((el) => el.removeAttribute("maxlength"));
    const longSubject = `${"s".repeat(121 - suffix.length - 1)} ${suffix}`;
    expect(longSubject).toHaveLength(121);
    await f.subject.fill(longSubject);
    await postExpectingError(f.subject, "Keep the subject to 120 characters or fewer.");
    await expectNoFieldError(f.body);
    await expectKept({ subject: longSubject, body });

    // A comment over 10,000 characters.
    await f.subject.fill(typed.subject);
    await f.body.evaluate((el) => el.removeAttribute("maxlength"));
    const longBody = `${"b".repeat(10_001 - suffix.length - 1)} ${suffix}`;
    await f.body.fill(longBody);
    await postExpectingError(f.body, "Keep the comment to 10,000 characters or fewer.");
    await expectNoFieldError(f.subject);
    await expectKept({ body: longBody });

    // An email address that is not one, then none at all.
    await f.body.fill(body);
    await f.email.fill("tess-at-example");
    await postExpectingError(f.email, "Enter a valid email address, like name@example.com.");
    await expectNoFieldError(f.body);
    await expectKept({ email: "tess-at-example", body });
    await f.email.fill("");
    await postExpectingError(f.email, "Enter your email address (it is never shown).");
    await expectKept({ email: "", body });

    // A website that is a script, not a web address.
    await f.email.fill(typed.email);
    for (const website of ["javascript:alert(document.cookie)", "JavaScript://example.com/%0Aalert(1)", "data:text/html,<script>alert(1)</script>", "ftp://tess.example/"]) {
      await f.website.fill(website);
      await postExpectingError(f.website, "Enter a web address starting with http:// or https://.");
      await expectNoFieldError(f.email);
      await expectKept({ website, body });
    }

    // None of it was stored.
    const second = await page.context().newPage();
    await second.goto(article.path);
    await expect(countHeading(second)).toHaveText(countLabel(before));
    await expect(thread(second)).not.toContainText(suffix);
    await second.close();

    // Put right, the kept text posts as typed.
    await f.website.fill(typed.website);
    await clickAndWaitForPost(page, f.post);
    await expect(statusMessage(form, POSTED)).toBeVisible();
    const comment = commentWithText(page, body);
    await expect(ownBox(comment).getByRole("heading", { name: typed.subject, exact: true })).toBeVisible();
    await expect(byline(comment).getByRole("link", { name: typed.name, exact: true })).toHaveAttribute("href", typed.website);
    await expect(countHeading(page)).toHaveText(countLabel(before + 1));
  });

  test("an anonymous comment with more than two links is held for a moderator and not counted", async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const article = ARTICLES.held;
    const suffix = uniqueSuffix();
    const start = await homeCardCount(page, article);
    await openFromHome(page, article);
    await expect(countHeading(page)).toHaveText(countLabel(start));

    // Two links are fine.
    await postTopLevel(page, { email: anonEmail(), body: `Two links ${suffix}: https://a.example/one and [two](http://b.example/two).` }, `Two links ${suffix}`);
    await expect(countHeading(page)).toHaveText(countLabel(start + 1));

    // Three are held: the poster is told, and nobody sees it.
    const heldBody = `Three links ${suffix}: https://a.example/1, [b](http://b.example/2) and www.c.example/3.`;
    const held = await anotherVisitor(browser, baseURL);
    try {
      await openArticle(held.page, article);
      const form = commentForm(held.page);
      await fillCommentForm(form, { subject: `Held ${suffix}`, email: anonEmail(), body: heldBody });
      await clickAndWaitForPost(held.page, formFields(form).post);
      await expect(statusMessage(form, HELD)).toBeVisible();
      await expect(statusMessage(form, POSTED)).toHaveCount(0);
      await expect(thread(held.page)).not.toContainText(`Three links ${suffix}`);
      await held.page.reload();
      await expect(thread(held.page)).not.toContainText(`Three links ${suffix}`);
      await expect(countHeading(held.page)).toHaveText(countLabel(start + 1));
    } finally {
      await held.context.close();
    }
    const feed = await (await page.request.get(`${article.path}/feed.xml`)).text();
    expect(feed).toContain(`Two links ${suffix}`);
    expect(feed).not.toContain(`Three links ${suffix}`);
    expect(await homeCardCount(page, article)).toBe(start + 1);

    // A bot that fills the hidden "homepage" field is thanked, and nothing is stored.
    const bot = await anotherVisitor(browser, baseURL);
    try {
      await openArticle(bot.page, article);
      const form = commentForm(bot.page);
      await fillCommentForm(form, { email: anonEmail(), body: `Bot text ${suffix}` });
      await form.locator('input[name="homepage"]').fill("https://spam.example/");
      await clickAndWaitForPost(bot.page, formFields(form).post);
      await expect(statusMessage(form, "Thanks for your comment.")).toBeVisible();
      await bot.page.reload();
      await expect(thread(bot.page)).not.toContainText(`Bot text ${suffix}`);
      await expect(countHeading(bot.page)).toHaveText(countLabel(start + 1));
    } finally {
      await bot.context.close();
    }

    // The link rule is for anonymous posters: a member's three links are published.
    const member = await anotherVisitor(browser, baseURL);
    try {
      const m = newMember();
      await registerMember(member.page, m);
      await openArticleAsMember(member.page, article, m.name);
      await postTopLevel(member.page, { body: `Member links ${suffix}: https://a.example/1, http://b.example/2, www.c.example/3` }, `Member links ${suffix}`);
      await expect(countHeading(member.page)).toHaveText(countLabel(start + 2));
    } finally {
      await member.context.close();
    }
    expect(await homeCardCount(page, article)).toBe(start + 2);
  });
});
