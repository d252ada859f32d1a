// The abuse guards on commenting, as a poster meets them: one comment per 15 seconds per
// visitor, member and address (the text is kept, the wait is stated), and no posting the same
// comment twice. What takes the clock to move (the stated wait is enough; 15 s from the first
// comment, not from the clock's marks) is proved on an injected clock in lib/comments/guards.test.ts. Each browser context sends its own X-Forwarded-For (the per-address limit keys
// on it), except where a test shares one address on purpose.
import type { Page } from "@playwright/test";
import {
  ARTICLES,
  CORRECT_FIELDS,
  POSTED,
  TAG_TITLE,
  TOO_FAST,
  anonEmail,
  anotherVisitor,
  byline,
  clickAndWaitForPost,
  commentForm,
  commentWithText,
  expect,
  fillCommentForm,
  formFields,
  openArticle,
  openArticleAsMember,
  registerMember,
  statusMessage,
} from "./comments-helpers";
import { expectFieldError, formAlert, newMember, submitSignIn, test, thread, uniqueIp, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

/** Clicks "Post comment" and returns the seconds the poster is told to wait. */
async function postExpectingTooFast(page: Page): Promise<number> {
  const form = commentForm(page);
  await clickAndWaitForPost(page, formFields(form).post);
  const alert = formAlert(page, TOO_FAST);
  await expect(alert).toBeVisible();
  await expect(statusMessage(form, POSTED)).toHaveCount(0);
  const seconds = Number(TOO_FAST.exec((await alert.innerText()).trim())![1]);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(15);
  return seconds;
}

async function postExpectingSuccess(page: Page, body: string) {
  const form = commentForm(page);
  await clickAndWaitForPost(page, formFields(form).post);
  await expect(statusMessage(form, POSTED)).toBeVisible();
  const comment = commentWithText(page, body);
  await expect(comment).toHaveCount(1);
  return comment;
}

test("a second post within 15 seconds is refused with the wait and the text kept", async ({ page }) => {
  const article = ARTICLES.flood;
  const suffix = uniqueSuffix();
  await openArticle(page, article);
  const form = commentForm(page);
  const f = formFields(form);
  const email = anonEmail();

  const firstBody = `First thought ${suffix}`;
  await fillCommentForm(form, { email, body: firstBody });
  const first = await postExpectingSuccess(page, firstBody);
  const firstTag = await byline(first).getByTitle(TAG_TITLE).innerText();
  expect(firstTag).toMatch(/^· [0-9a-f]{4}$/);

  // Straight away, a second one (with a name this time) is refused; nothing typed is lost.
  const second = { subject: `Second thought ${suffix}`, body: `On reflection ${suffix}, the coupon is worse.`, name: `Reflective ${suffix}`, email };
  await fillCommentForm(form, second);
  await postExpectingTooFast(page);
  await expect(f.subject).toHaveValue(second.subject);
  await expect(f.body).toHaveValue(second.body);
  await expect(f.name).toHaveValue(second.name);
  await expect(f.email).toHaveValue(second.email);
  await expect(commentWithText(page, second.body)).toHaveCount(0);

  // That the stated wait is enough (the same text then posts, under the same tag) and that the
  // 15 s run from the first comment, not from the clock's marks: lib/comments/guards.test.ts,
  // "one comment per 15 seconds", on an injected clock.
  await page.reload();
  await expect(byline(commentWithText(page, firstBody)).getByTitle(TAG_TITLE)).toHaveText(firstTag);
  await expect(commentWithText(page, second.body)).toHaveCount(0);
});

test("the limit follows a member across devices, and an address across visitors", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const article = ARTICLES.flood;
  const suffix = uniqueSuffix();
  const member = newMember();
  await registerMember(page, member);
  const phone = await anotherVisitor(browser, baseURL);
  // Two visitors behind one address.
  const sharedIp = uniqueIp();
  const first = await anotherVisitor(browser, baseURL, { extraHTTPHeaders: { "x-forwarded-for": sharedIp } });
  const second = await anotherVisitor(browser, baseURL, { extraHTTPHeaders: { "x-forwarded-for": sharedIp } });
  try {
    await phone.page.goto("/signin");
    await submitSignIn(phone.page, member.email, member.password);
    await openArticleAsMember(page, article, member.name);
    await openArticleAsMember(phone.page, article, member.name);
    await openArticle(first.page, article);
    await openArticle(second.page, article);
    const texts = {
      laptop: `From the laptop ${suffix}`,
      phone: `From the phone ${suffix}`,
      first: `First behind the router ${suffix}`,
      second: `Second behind the router ${suffix}`,
    };
    await fillCommentForm(commentForm(page), { body: texts.laptop });
    await fillCommentForm(commentForm(phone.page), { body: texts.phone });
    await fillCommentForm(commentForm(first.page), { body: texts.first, email: anonEmail() });
    await fillCommentForm(commentForm(second.page), { body: texts.second, email: anonEmail() });

    // Each pair posts one right after the other, both pairs at once.
      await Promise.all([
      (async () => {
        await postExpectingSuccess(page, texts.laptop);
        await postExpectingTooFast(phone.page);
        await expect(formFields(commentForm(phone.page)).body).toHaveValue(texts.phone);
      })(),
      (async () => {
        await postExpectingSuccess(first.page, texts.first);
        await postExpectingTooFast(second.page);
        await expect(formFields(commentForm(second.page)).body).toHaveValue(texts.second);
      })(),
    ]);

    await page.reload();
    await expect(thread(page)).toContainText(texts.laptop);
    await expect(thread(page)).toContainText(texts.first);
    await expect(thread(page)).not.toContainText(texts.phone);
    await expect(thread(page)).not.toContainText(texts.second);
  } finally {
    await Promise.all([phone.context.close(), first.context.close(), second.context.close()]);
  }
});

test("posting the same comment twice is refused next to the comment; someone else may say the same", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const article = ARTICLES.duplicate;
  const suffix = uniqueSuffix();
  const text = { subject: `Crispy ${suffix}`, body: `The word "crispy" belongs to everyone ${suffix}.` };
  const duplicateMessage = "You posted this same comment a moment ago; it is already in the thread.";

  // A member...
  const member = newMember();
  await registerMember(page, member);
  await openArticleAsMember(page, article, member.name);
  await fillCommentForm(commentForm(page), text);
  await postExpectingSuccess(page, text.body);
  const f = formFields(commentForm(page));
  await fillCommentForm(commentForm(page), text);
  await clickAndWaitForPost(page, f.post);
  await expect(formAlert(page, CORRECT_FIELDS)).toBeVisible();
  await expectFieldError(f.body, duplicateMessage);
  await expect(f.subject).toHaveValue(text.subject);
  await expect(f.body).toHaveValue(text.body);
  await expect(commentWithText(page, text.body)).toHaveCount(1);

  // ...an anonymous visitor...
  const anonymous = await anotherVisitor(browser, baseURL);
  const other = await anotherVisitor(browser, baseURL);
  try {
    const anonText = { ...text, body: `Knitting is not a snack ${suffix}.` };
    const email = anonEmail();
    await openArticle(anonymous.page, article);
    const form = commentForm(anonymous.page);
    await fillCommentForm(form, { ...anonText, email });
    await postExpectingSuccess(anonymous.page, anonText.body);
    await fillCommentForm(form, { ...anonText, email });
    await clickAndWaitForPost(anonymous.page, formFields(form).post);
    await expectFieldError(formFields(form).body, duplicateMessage);
    await expect(formFields(form).body).toHaveValue(anonText.body);
    await expect(formFields(form).email).toHaveValue(email);
    await expect(commentWithText(anonymous.page, anonText.body)).toHaveCount(1);

    // ...but another visitor saying the same thing is not a duplicate.
    await openArticle(other.page, article);
    await fillCommentForm(commentForm(other.page), { ...text, email: anonEmail() });
    await clickAndWaitForPost(other.page, formFields(commentForm(other.page)).post);
    await expect(statusMessage(commentForm(other.page), POSTED)).toBeVisible();
    await expect(commentWithText(other.page, text.body)).toHaveCount(2);
  } finally {
    await Promise.all([anonymous.context.close(), other.context.close()]);
  }
  await page.reload();
  await expect(commentWithText(page, text.body)).toHaveCount(2);
});
