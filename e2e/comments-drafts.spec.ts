// Nothing typed into a comment is lost: what a reader writes is kept in their browser, per
// article and per comment replied to, through "Sign in now" and back, a reload, closing the reply
// form and coming back later; it is cleared once posted. Leaving with text typed this visit asks
// first. At a desktop's width and a phone's.
import type { Page } from "@playwright/test";
import { UNCOUNTED, anonEmail, anotherVisitor, commentForm, commentWithText, expect, formFields, openUntil, postViaApi, statusMessage, POSTED, clickAndWaitForPost } from "./comments-helpers";
import { newMember, submitSignIn, test, uniqueSuffix } from "./fixtures";
import { createMember } from "./members";

test.describe.configure({ timeout: 90_000 });

/**
 * Opens the article the commenting specs may post on and waits until its form runs in the page
 * ("Quote selection" is there only then): the article may have no comment to show a Reply yet.
 */
async function openForm(page: Page): Promise<void> {
  await page.goto(UNCOUNTED.path);
  await expect(commentForm(page).getByRole("button", { name: "Quote selection" })).toBeVisible();
}

/** Reloads, accepting the browser's "leave this page?" question, which must be asked. */
async function reloadAnswering(page: Page): Promise<void> {
  const asked = page.waitForEvent("dialog");
  const reloaded = page.reload();
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
  await reloaded;
}

/** Types as a person does (a click, then keys): the browser then treats leaving as worth asking about. */
async function typeInto(page: Page, field: ReturnType<typeof formFields>["body"], text: string): Promise<void> {
  await field.click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 360, height: 780 }]] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });

    test("a comment begun before signing in is there after “Sign in now” and back and after a reload, and is gone once posted", async ({ page }) => {
      const member = newMember();
      await createMember(member);
      const suffix = uniqueSuffix();
      const subject = `Drafted ${suffix}`;
      const body = `Half a thought about this, ${suffix}.`;
      await openForm(page);
      const form = commentForm(page);
      const f = formFields(form);
      await f.subject.fill(subject);
      await typeInto(page, f.body, body);

      // The draft survives the trip, so the link does not ask; the page after signing in is the comment box.
      const questions: string[] = [];
      const record = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
        questions.push(dialog.message());
        void dialog.dismiss();
      };
      page.on("dialog", record);
      await form.getByRole("link", { name: "Sign in now" }).click();
      await expect(page).toHaveURL((url) => url.pathname === "/signin");
      page.off("dialog", record);
      expect(questions).toEqual([]);
      await submitSignIn(page, member.email, member.password);
      await expect(page).toHaveURL((url) => url.pathname === UNCOUNTED.path && url.hash === "#leave-a-comment");
      await expect(form.getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
      await expect(f.subject).toHaveValue(subject);
      await expect(f.body).toHaveValue(body);

      // More words, then a reload: the browser asks first, and the words are there afterwards.
      await typeInto(page, f.body, " And the other half.");
      await reloadAnswering(page);
      await expect(form.getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
      await expect(f.body).toHaveValue(`${body} And the other half.`);
      await expect(f.subject).toHaveValue(subject);

      // Posted: the form is empty, and stays empty after a reload (which no longer asks).
      await clickAndWaitForPost(page, f.post);
      await expect(statusMessage(form, POSTED)).toBeVisible();
      await expect(commentWithText(page, `${body} And the other half.`)).toHaveCount(1);
      await expect(f.body).toHaveValue("");
      await page.reload();
      await expect(form.getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
      await expect(f.body).toHaveValue("");
      await expect(f.subject).toHaveValue("");
    });

    test("a reply survives Escape, Cancel and a reload, follows “Sign in now” to the reply page, and is cleared when posted there", async ({ page, browser, baseURL }) => {
      const member = newMember();
      await createMember(member);
      const suffix = uniqueSuffix();
      const parentText = `Something to answer ${suffix}`;
      // Someone else asks (from their own address: one post per address per interval).
      const asker = await anotherVisitor(browser, baseURL);
      await asker.page.goto(UNCOUNTED.path);
      await postViaApi(asker.page, UNCOUNTED, { subject: `Question ${suffix}`, body: parentText, anonEmail: anonEmail() });
      await asker.context.close();
      await openUntil(page, UNCOUNTED.path, async () => (await commentWithText(page, parentText).count()) === 1);
      await openForm(page);
      const parent = commentWithText(page, parentText);
      const replyButton = parent.getByRole("button", { name: "Reply", exact: true }).first();
      const replyForm = parent.locator("form.comment-form");
      const f = formFields(replyForm);

      await replyButton.click();
      const reply = `I would answer this way, ${suffix}.`;
      await typeInto(page, f.body, reply);
      // Escape closes the form and gives focus back to "Reply"; the words wait for the next Reply.
      await page.keyboard.press("Escape");
      await expect(replyForm).toHaveCount(0);
      await expect(replyButton).toBeFocused();
      await replyButton.click();
      await expect(f.body).toHaveValue(reply);
      await expect(f.subject).toHaveValue(`Re: Question ${suffix}`);
      await replyForm.getByRole("button", { name: "Cancel" }).click();
      await expect(replyForm).toHaveCount(0);
      await expect(replyButton).toBeFocused();

      // A reload, then Reply again: still there. The article's own box is not the reply's.
      await page.reload();
      await expect(parent.getByRole("button", { name: "Reply", exact: true }).first()).toBeVisible();
      await expect(formFields(commentForm(page)).body).toHaveValue("");
      await replyButton.click();
      await expect(f.body).toHaveValue(reply);

      // Signing in from the reply form comes back to the reply page, with the reply in its box.
      await replyForm.getByRole("link", { name: "Sign in now" }).click();
      await expect(page).toHaveURL((url) => url.pathname === "/signin");
      await submitSignIn(page, member.email, member.password);
      await expect(page).toHaveURL(/\/comments\/[\w-]+\/reply$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reply");
      const pageForm = commentForm(page);
      await expect(pageForm.getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
      await expect(formFields(pageForm).body).toHaveValue(reply);

      // Posted from there: it lands on the reply in the thread, and the draft is gone.
      const replyPage = page.url();
      await formFields(pageForm).post.click();
      await expect(page).toHaveURL(new RegExp(`${UNCOUNTED.path}#comment-[\\w-]+$`));
      await expect(commentWithText(page, reply)).toHaveCount(1);
      await page.goto(replyPage);
      await expect(commentForm(page).getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
      await expect(formFields(commentForm(page)).body).toHaveValue("");
    });

    test("after a failed post nothing is lost, and leaving by a link asks first", async ({ page }) => {
      const suffix = uniqueSuffix();
      await openForm(page);
      const form = commentForm(page);
      const f = formFields(form);
      const body = `Posted without an address ${suffix}`;
      await typeInto(page, f.body, body);
      await clickAndWaitForPost(page, f.post);
      await expect(f.email).toHaveAttribute("aria-invalid", "true");
      await expect(f.body).toHaveValue(body);

      // The site's own links navigate in place: the page asks, and staying keeps the text.
      let question = "";
      page.once("dialog", (dialog) => {
        question = dialog.message();
        void dialog.dismiss();
      });
      await page.getByRole("banner").getByRole("link", { name: "Best of the week" }).click();
      await expect.poll(() => question).toBe("Leave this page? Your comment has not been posted yet (it stays here as a draft in this browser).");
      await expect(page).toHaveURL((url) => url.pathname === UNCOUNTED.path);
      await expect(f.body).toHaveValue(body);
    });
  });
}
