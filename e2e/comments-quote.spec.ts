// Quoting, as readers answer each other: "Quote" under a comment opens the reply form with the
// comment (or the part of it the reader selected) as a blockquote; "Quote selection" in a form
// quotes words selected in the article. Without JavaScript, "Quote" is a link to the reply page
// with the quote already in the box.
import type { Locator, Page } from "@playwright/test";
import { commentForm, expect, formFields, replyControl, waitUntilInteractive } from "./comments-helpers";
import { FLAGSHIP_PATH, ownBox, realComments, test } from "./fixtures";

const NOTHING_SELECTED = "Select some words in the article or in a comment first, then press Quote selection.";

/** The first top-level comment with its body in view (not folded as a repeat of the First Word), and its author's name. */
async function quotableComment(page: Page): Promise<{ comment: Locator; author: string; firstLine: string }> {
  const comment = realComments(page).and(page.locator("[data-depth='0']")).filter({ has: page.locator(":scope > .comment__box > .comment__body p") }).first();
  const author = (await ownBox(comment).locator(".comment__author").innerText()).trim();
  const firstLine = (await ownBox(comment).locator(".comment__body p").first().innerText()).trim().split("\n")[0];
  return { comment, author, firstLine };
}

/** Selects the first `length` characters of an element's first text node, as a reader's drag would. */
async function selectStartOf(target: Locator, length: number): Promise<string> {
  return target.evaluate((el, n) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (t) => (t.textContent!.trim().length >= n ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
    const text = walker.nextNode() as Text;
    const start = text.textContent!.length - text.textContent!.trimStart().length;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + n);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, length);
}

test.describe("with JavaScript", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    await waitUntilInteractive(page);
  });

  test("Quote under a comment opens the reply form with the whole comment quoted and the caret after it", async ({ page }) => {
    const { comment, author, firstLine } = await quotableComment(page);
    await replyControl(comment).getByRole("button", { name: "Quote", exact: true }).click();
    const form = replyControl(comment).locator(".reply form");
    const body = formFields(form).body;
    await expect(body).toBeFocused();
    const value = await body.inputValue();
    expect(value.startsWith(`${author} wrote:\n\n> ${firstLine}`)).toBe(true);
    expect(value.endsWith("\n\n")).toBe(true);
    // Every line of the quote is quoted; the caret waits below it for the answer.
    const quoteLines = value.trimEnd().split("\n").slice(2);
    expect(quoteLines.every((line) => line === ">" || line.startsWith("> "))).toBe(true);
    expect(await body.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(value.length);
    await expect(formFields(form).subject).toHaveValue(/^Re: /);
  });

  test("Quote with part of the comment selected quotes just that part, and quoting again adds to the box", async ({ page }) => {
    const { comment, author } = await quotableComment(page);
    const selected = await selectStartOf(ownBox(comment).locator(".comment__body"), 12);
    expect(selected.trim().length).toBeGreaterThan(5);
    const quote = replyControl(comment).getByRole("button", { name: "Quote", exact: true });
    await quote.click();
    const body = formFields(replyControl(comment).locator(".reply form")).body;
    await expect(body).toHaveValue(`${author} wrote:\n\n> ${selected.trim()}\n\n`);

    // The reader types an answer, then quotes the same comment again: nothing is lost.
    await body.pressSequentially("Agreed.");
    await quote.click();
    const value = await body.inputValue();
    expect(value.startsWith(`${author} wrote:\n\n> ${selected.trim()}\n\nAgreed.\n\n${author} wrote:\n\n> `)).toBe(true);
  });

  test("Quote selection in the comment form quotes words selected in the article, and says so when nothing is selected", async ({ page }) => {
    const form = commentForm(page);
    const quoteSelection = form.getByRole("button", { name: "Quote selection" });
    await quoteSelection.click();
    await expect(form.getByRole("status").filter({ hasText: NOTHING_SELECTED })).toBeVisible();
    await expect(formFields(form).body).toHaveValue("");

    const selected = (await selectStartOf(page.locator(".article-body"), 30)).trim();
    await quoteSelection.click();
    await expect(formFields(form).body).toHaveValue(`> ${selected}\n\n`);
    await expect(formFields(form).body).toBeFocused();
    await expect(form.getByRole("status").filter({ hasText: NOTHING_SELECTED })).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Quote is a link to the reply page with the comment's Markdown quoted in the box", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const { comment, author, firstLine } = await quotableComment(page);
    const link = replyControl(comment).getByRole("link", { name: "Quote", exact: true });
    const id = (await comment.getAttribute("id"))!.slice("comment-".length);
    await expect(link).toHaveAttribute("href", `/comments/${id}/reply?quote=1`);
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reply");
    const body = formFields(page.locator("section#leave-a-comment form")).body;
    const value = await body.inputValue();
    expect(value.startsWith(`${author} wrote:\n\n> `)).toBe(true);
    // The source, not the rendered text: the first line's words are there, Markdown and all.
    expect(value).toContain(firstLine.split(" ").slice(0, 3).join(" "));

    // Plain "Reply" leaves the box empty.
    await page.goBack();
    await replyControl(comment).getByRole("link", { name: "Reply" }).click();
    await expect(formFields(page.locator("section#leave-a-comment form")).body).toHaveValue("");
  });
});
