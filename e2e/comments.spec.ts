// Commenting, as readers do it: members and anonymous visitors post under an article, reply
// three levels deep, preview, get told what is wrong with their input (keeping what they typed),
// have link-heavy anonymous comments held, and post and reply without JavaScript.
// Flood limits and duplicates: comments-flood.spec.ts. Stored XSS: comments-xss.spec.ts.
import type { Locator, Page } from "@playwright/test";
import {
  ARTICLES,
  CORRECT_FIELDS,
  HELD,
  POSTED,
  TAG_TITLE,
  anonEmail,
  anotherVisitor,
  byline,
  clickAndWaitForPost,
  commentForm,
  commentIdOf,
  commentWithText,
  countHeading,
  countLabel,
  escapeRegExp,
  expect,
  fillCommentForm,
  formFields,
  headingCount,
  homeCard,
  homeCardCount,
  openArticle,
  openArticleAsMember,
  registerMember,
  replyControl,
  statusMessage,
  waitUntilInteractive,
  type DemoArticleRef,
} from "./comments-helpers";
import { expectFieldError, expectNoFieldError, formAlert, newMember, ownBox, test, thread, threadComments, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

/** Opens the article from its front-page card, as a reader would. */
async function openFromHome(page: Page, article: DemoArticleRef): Promise<void> {
  await page.goto("/");
  await homeCard(page, article).getByRole("link", { name: article.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(article.path)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
  await waitUntilInteractive(page);
}

/** Posts from the article's main form with JavaScript and returns the new comment's <li>. */
async function postTopLevel(page: Page, values: Parameters<typeof fillCommentForm>[1] & { body: string }, shownText = values.body): Promise<Locator> {
  const form = commentForm(page);
  await fillCommentForm(form, values);
  await clickAndWaitForPost(page, formFields(form).post);
  await expect(statusMessage(form, POSTED)).toBeVisible();
  const comment = commentWithText(page, shownText);
  await expect(comment).toHaveCount(1);
  return comment;
}

test.describe("with JavaScript", () => {
  test("a signed-in member posts a comment with a subject: it shows their name and counts on the article and the front page", async ({ page }) => {
    test.setTimeout(90_000);
    const article = ARTICLES.memberPost;
    const member = newMember();
    await registerMember(page, member);
    const before = await homeCardCount(page, article);
    await openFromHome(page, article);
    await expect(countHeading(page)).toHaveText(countLabel(before));

    const form = commentForm(page);
    await expect(form.getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
    // A member is not asked for a name or an email.
    const f = formFields(form);
    await expect(f.name).toHaveCount(0);
    await expect(f.email).toHaveCount(0);

    const suffix = uniqueSuffix();
    const subject = `Birthday cartridges ${suffix}`;
    const body = `My printer *wished me well* and then refused to print ${suffix}.\n\n> Happy birthday, toner.`;
    await f.subject.fill(subject);
    await f.body.fill(body);
    await clickAndWaitForPost(page, f.post);
    await expect(statusMessage(form, POSTED)).toBeVisible();

    // It is in the thread, in place, at the top level, with the member's name linking their profile.
    const comment = commentWithText(page, `and then refused to print ${suffix}`);
    await expect(comment).toHaveCount(1);
    await expect(comment).toHaveAttribute("data-depth", "0");
    const id = await commentIdOf(comment);
    await expect(thread(page).locator(`:scope > ul.comment-list > li.comment#comment-${id}`)).toHaveCount(1);
    await expect(ownBox(comment).getByRole("heading", { name: subject, exact: true })).toBeVisible();
    await expect(byline(comment).getByRole("link", { name: member.name, exact: true })).toHaveAttribute("href", `/users/${member.handle}`);
    const rendered = ownBox(comment).locator(".comment__body");
    await expect(rendered.locator("em")).toHaveText("wished me well");
    await expect(rendered.getByRole("blockquote")).toHaveText("Happy birthday, toner.");
    await expect(countHeading(page)).toHaveText(countLabel(before + 1));
    // The form is empty again, ready for the next comment.
    await expect(formFields(form).subject).toHaveValue("");
    await expect(formFields(form).body).toHaveValue("");

    // Everyone sees it: the cached page was refreshed, and the front page counts it.
    await page.reload();
    await expect(page.locator(`li.comment#comment-${id}`)).toContainText(`and then refused to print ${suffix}`);
    await expect(countHeading(page)).toHaveText(countLabel(before + 1));
    expect(await homeCardCount(page, article)).toBe(before + 1);

    // The name leads to the profile, which lists the comment.
    await page.goto(`${article.path}#comment-${id}`);
    await byline(page.locator(`li.comment#comment-${id}`)).getByRole("link", { name: member.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/users/${member.handle}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(member.name);
    const theirComments = page.getByRole("region", { name: `Comments by ${member.name}` });
    await expect(theirComments.getByText(subject, { exact: true })).toBeVisible();
    await expect(theirComments.getByRole("link", { name: article.title })).toHaveAttribute("href", article.path);
  });

  test("replies nest three levels deep, each from a different poster, with 'Re:' subjects", async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const article = ARTICLES.replies;
    const suffix = uniqueSuffix();
    const rootSubject = `Who shares the data ${suffix}`;

    // A member starts the thread.
    const starter = newMember();
    await registerMember(page, starter);
    await openArticleAsMember(page, article, starter.name);
    const root = await postTopLevel(page, { subject: rootSubject, body: `Level 0 ${suffix}` });
    const ids = [await commentIdOf(root)];

    // Three more people, each answering the one before.
    const posters: { label: string; setUp: (p: Page) => Promise<void>; anon?: { name: string } }[] = [
      { label: "an anonymous visitor with a name", setUp: async () => {}, anon: { name: `Bea ${suffix}` } },
      { label: "an anonymous coward", setUp: async () => {}, anon: { name: "" } },
      {
        label: "another member",
        setUp: async (p) => {
          await registerMember(p, newMember());
        },
      },
    ];
    for (const [index, poster] of posters.entries()) {
      const depth = index + 1;
      const { context, page: p } = await anotherVisitor(browser, baseURL);
      try {
        await poster.setUp(p);
        await openArticle(p, article);
        const parent = p.locator(`li.comment#comment-${ids[index]}`);
        const control = replyControl(parent);
        const replyButton = control.getByRole("button", { name: "Reply" });
        await expect(replyButton).toHaveAttribute("aria-expanded", "false");
        await replyButton.click();
        await expect(replyButton).toHaveAttribute("aria-expanded", "true");

        // The form opens beneath the comment, its subject already "Re: <subject>" (never "Re: Re:").
        const form = control.locator("form");
        await expect(form).toBeVisible();
        const parentBox = (await ownBox(parent).boundingBox())!;
        const formBox = (await form.boundingBox())!;
        expect(formBox.y).toBeGreaterThanOrEqual(parentBox.y + parentBox.height);
        const f = formFields(form);
        await expect(f.subject).toHaveValue(`Re: ${rootSubject}`);
        const body = `Level ${depth} ${suffix}, from ${poster.label}`;
        await f.body.fill(body);
        if (poster.anon) await fillCommentForm(form, { name: poster.anon.name, email: anonEmail() });
        else await expect(form.getByText(/^Signed in as /)).toBeVisible();
        await clickAndWaitForPost(p, f.post);

        // The form closes and the reply appears under its parent, one level deeper.
        await expect(form).toHaveCount(0);
        await expect(replyButton).toHaveAttribute("aria-expanded", "false");
        const reply = parent.locator(":scope > details.replies > ul.comment-list > li.comment").filter({ has: p.locator(":scope > .comment__box", { hasText: body }) });
        await expect(reply).toHaveCount(1);
        await expect(reply).toHaveAttribute("data-depth", String(depth));
        await expect(ownBox(reply).getByRole("heading", { level: 3 })).toHaveText(`Re: ${rootSubject}`);
        if (poster.anon?.name === "") await expect(byline(reply).locator(".comment__author")).toHaveText("Anonymous Coward");
        ids.push(await commentIdOf(reply));
      } finally {
        await context.close();
      }
    }

    // A fresh look at the page shows the whole chain, each reply inside its parent's list.
    await page.reload();
    const chain = ids.map((id) => `li.comment#comment-${id}`).join(" > details.replies > ul.comment-list > ");
    await expect(thread(page).locator(`:scope > ul.comment-list > ${chain}`)).toHaveCount(1);
    for (const [depth, id] of ids.entries()) {
      const comment = page.locator(`li.comment#comment-${id}`);
      await expect(comment).toHaveAttribute("data-depth", String(depth));
      await expect(ownBox(comment).getByRole("heading", { level: 3 })).toHaveText(depth === 0 ? rootSubject : `Re: ${rootSubject}`);
      await expect(ownBox(comment).locator(".comment__body")).toContainText(`Level ${depth} ${suffix}`);
    }
    await expect(byline(page.locator(`li.comment#comment-${ids[0]}`)).getByRole("link", { name: starter.name, exact: true })).toHaveAttribute("href", `/users/${starter.handle}`);
    await expect(byline(page.locator(`li.comment#comment-${ids[1]}`)).locator(".comment__author")).toHaveText(`Bea ${suffix}`);
  });

  test("anonymous visitors post as 'Anonymous Coward' with a tag, or under a name that links their website", async ({ page, browser, baseURL }) => {
    const article = ARTICLES.anonymous;
    const suffix = uniqueSuffix();

    // No name: "Anonymous Coward" and a four-hex tag. The email is never shown.
    const cowardEmail = anonEmail();
    await openArticle(page, article);
    const form = commentForm(page);
    await expect(formFields(form).name).toHaveValue("");
    const coward = await postTopLevel(page, { subject: `Nameless ${suffix}`, body: `Scooters know where I sleep ${suffix}`, email: cowardEmail });
    const cowardAuthor = byline(coward).locator(".comment__author");
    await expect(cowardAuthor).toHaveText("Anonymous Coward");
    await expect(byline(coward).getByRole("link", { name: "Anonymous Coward" })).toHaveCount(0);
    const cowardTag = byline(coward).getByTitle(TAG_TITLE);
    await expect(cowardTag).toHaveText(/^\s*· [0-9a-f]{4}$/);

    // A name and a website: the name links the website, marked as a user's unendorsed link.
    const { context, page: other } = await anotherVisitor(browser, baseURL);
    try {
      const name = `Grace ${suffix}`;
      const website = `https://grace-${suffix}.example/about`;
      const graceEmail = anonEmail();
      await openArticle(other, article);
      const grace = await postTopLevel(other, { name, email: graceEmail, website, body: `The city wants its own data back ${suffix}` });
      const link = byline(grace).getByRole("link", { name, exact: true });
      await expect(link).toHaveAttribute("href", website);
      const rel = ((await link.getAttribute("rel")) ?? "").split(/\s+/);
      expect(rel).toEqual(expect.arrayContaining(["nofollow", "ugc"]));
      const graceTag = byline(grace).getByTitle(TAG_TITLE);
      await expect(graceTag).toHaveText(/^\s*· [0-9a-f]{4}$/);
      // Two visitors, two tags.
      expect((await graceTag.innerText()).trim()).not.toBe((await cowardTag.innerText()).trim());

      // What a reader gets shows neither email address.
      const html = await (await other.request.get(article.path)).text();
      expect(html).toContain(`The city wants its own data back ${suffix}`);
      expect(html).toContain(`Scooters know where I sleep ${suffix}`);
      expect(html).not.toContain(cowardEmail);
      expect(html).not.toContain(graceEmail);
    } finally {
      await context.close();
    }
  });

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

  test("a new comment's permalink leads to it", async ({ page, request }) => {
    const article = ARTICLES.noJs;
    const suffix = uniqueSuffix();
    await openArticle(page, article);
    const comment = await postTopLevel(page, { email: anonEmail(), subject: `Linkable ${suffix}`, body: `Point here ${suffix}` });
    const id = await commentIdOf(comment);
    const permalink = byline(comment).getByRole("link", { name: "Permalink" });
    await expect(permalink).toHaveAttribute("href", `/comments/${id}`);

    const response = await request.get(`/comments/${id}`, { maxRedirects: 0 });
    expect([301, 302, 303, 307, 308]).toContain(response.status());
    expect(new URL(response.headers()["location"], "http://x.invalid").pathname + new URL(response.headers()["location"], "http://x.invalid").hash).toBe(`${article.path}#comment-${id}`);

    await page.goto("/");
    await page.goto(`/comments/${id}`);
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(article.path)}#comment-${id}$`));
    const landed = page.locator(`li.comment#comment-${id}`);
    await expect(ownBox(landed)).toContainText(`Point here ${suffix}`);
    await expect(ownBox(landed)).toBeInViewport();
  });
});

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
      const posted = other.locator(`li.comment#comment-${id} > details.replies > ul.comment-list > li.comment#comment-${replyId}`);
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
