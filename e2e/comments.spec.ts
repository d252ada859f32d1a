// Commenting, as readers do it: members and anonymous visitors post under an article, reply
// three levels deep, and follow a new comment's permalink. Input mistakes, preview and held
// comments: comments-input.spec.ts. Without JavaScript: comments-nojs.spec.ts. Flood limits and
// duplicates: comments-flood.spec.ts. Stored XSS: comments-xss.spec.ts.
import type { Page } from "@playwright/test";
import {
  ARTICLES,
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
  homeCardCount,
  openArticle,
  openArticleAsMember,
  openFromHome,
  postTopLevel,
  registerMember,
  replyControl,
  statusMessage,
} from "./comments-helpers";
import { newMember, ownBox, test, thread, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

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
        const form = control.locator(".reply form");
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
        const reply = parent.locator(":scope > ul.comment-list > li.comment").filter({ has: p.locator(":scope > .comment__box", { hasText: body }) });
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
    const chain = ids.map((id) => `li.comment#comment-${id}`).join(" > ul.comment-list > ");
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
