// The flagship discussion: nesting, subjects, authors, badges, the collapsed flagged comment
// (with and without JavaScript, by mouse and by keyboard) and the First/Last Word boxes.
import { expect, test, type Locator } from "@playwright/test";
import {
  FLAGGED_SUMMARY,
  FLAGSHIP_PATH,
  FUNNY_SENTENCE,
  INSIGHTFUL_SENTENCE,
  flaggedComment,
  openFlagshipFromHome,
  ownBox,
  thread,
  threadComments,
} from "./fixtures";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when `a` comes before `b` in document order. */
async function precedes(a: Locator, b: Locator): Promise<boolean> {
  const other = await b.elementHandle();
  return a.evaluate((el, o) => Boolean(o && el.compareDocumentPosition(o) & Node.DOCUMENT_POSITION_FOLLOWING), other);
}

/** The flagged comment's parts: its <details>, summary, hidden body and the replies under it. */
function flaggedParts(comment: Locator) {
  const details = comment.locator(":scope > details.flagged");
  return {
    details,
    summary: details.locator(":scope > summary"),
    body: ownBox(comment).locator(".comment__body"),
    reply: comment.locator(":scope > ul.comment-list > li.comment").first(),
  };
}

test.describe("the discussion", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
  });

  test("nests replies at least three levels deep, matching each comment's depth", async ({ page }) => {
    const list = thread(page).locator(":scope > ul.comment-list");
    await expect(list).toHaveCount(1);
    // A comment inside three nested reply lists.
    const deep = list.locator("ul.comment-list ul.comment-list ul.comment-list > li.comment");
    expect(await deep.count()).toBeGreaterThan(0);
    await expect(ownBox(deep.first())).toBeVisible();

    // data-depth agrees with where each comment sits in the tree.
    const mismatches = await list.evaluate((root) =>
      [...root.querySelectorAll("li.comment")]
        .map((li) => {
          let nesting = -1;
          for (let el: Element | null = li; el && el !== root.parentElement; el = el.parentElement) {
            if (el.matches("ul.comment-list")) nesting++;
          }
          return { id: li.id, depth: Number(li.getAttribute("data-depth")), nesting };
        })
        .filter((c) => c.depth !== c.nesting),
    );
    expect(mismatches).toEqual([]);
  });

  test("replies carry 'Re:' subjects", async ({ page }) => {
    const replies = threadComments(page).and(page.locator("li.comment:not([data-depth='0'])"));
    const reSubjects = replies.locator(":scope > .comment__box, :scope > details > .comment__box").getByRole("heading", { name: /^Re: \S/ });
    expect(await reSubjects.count()).toBeGreaterThan(0);
    await expect(reSubjects.first()).toBeVisible();
    // A reply's "Re:" names a subject used up the thread it answers.
    const subjects = await threadComments(page).locator(".comment__subject").allInnerTexts();
    const strip = (s: string) => s.replace(/^(Re:\s*)+/, "").trim();
    const originals = new Set(subjects.filter((s) => !s.startsWith("Re:")).map(strip));
    const reTexts = await reSubjects.allInnerTexts();
    expect(reTexts.some((s) => originals.has(strip(s)))).toBe(true);
  });

  test("shows named members linking to their profiles and anonymous cowards", async ({ page }) => {
    // The demo's anonymous posters give no website, so every linked name is a member's.
    const members = thread(page).locator(".comment__byline a.comment__author");
    expect(await members.count()).toBeGreaterThan(1);
    const names = new Set<string>();
    for (const link of await members.all()) {
      await expect(link).toHaveAttribute("href", /^\/users\/[\w-]+$/);
      names.add((await link.innerText()).trim());
    }
    expect(names.size, "several different members take part").toBeGreaterThan(1);
    await expect(thread(page).getByText("Anonymous Coward", { exact: true }).first()).toBeVisible();
    // Every comment has a permalink.
    const permalinks = thread(page).locator("li.comment").getByRole("link", { name: "Permalink" });
    expect(await permalinks.count()).toBeGreaterThan(0);
    await expect(permalinks.first()).toHaveAttribute("href", /^\/comments\/[\w-]+$/);
  });

  test("shows the insightful and funny badges with their sentences", async ({ page }) => {
    const insightful = threadComments(page).getByRole("listitem").filter({ hasText: INSIGHTFUL_SENTENCE });
    const funny = threadComments(page).getByRole("listitem").filter({ hasText: FUNNY_SENTENCE });
    await expect(insightful.first()).toBeVisible();
    await expect(funny.first()).toBeVisible();
    await expect(insightful.first()).toHaveText(new RegExp(`^Insightful\\s+${escape(INSIGHTFUL_SENTENCE)}$`));
    await expect(funny.first()).toHaveText(new RegExp(`^Funny\\s+${escape(FUNNY_SENTENCE)}$`));
    // Badges are earned, not given to everyone.
    const total = await threadComments(page).count();
    expect(await insightful.count()).toBeLessThan(total);
    expect(await funny.count()).toBeLessThan(total);
  });

  test("the flagged comment is collapsed, opens on click, and its replies stay visible", async ({ page }) => {
    const comment = flaggedComment(page);
    await expect(comment).toHaveCount(1);
    const { details, summary, body, reply } = flaggedParts(comment);
    await expect(summary).toHaveText(FLAGGED_SUMMARY);
    await expect(details).not.toHaveAttribute("open");
    await expect(body).toBeHidden();
    // Its replies are outside the collapsed box.
    await expect(reply).toHaveCount(1);
    await expect(ownBox(reply).locator(".comment__body")).toBeVisible();

    await summary.click();
    await expect(details).toHaveAttribute("open", "");
    await expect(body).toBeVisible();
    await expect(body).toHaveText(/\S/);
    await expect(details.getByText(/^Hidden by the community; flagged as .+\.$/)).toBeVisible();

    await summary.click();
    await expect(body).toBeHidden();
  });

  test("the flagged comment opens from the keyboard", async ({ page }) => {
    const { details, summary, body } = flaggedParts(flaggedComment(page));
    await summary.focus();
    await expect(summary).toBeFocused();
    await expect(body).toBeHidden();
    await page.keyboard.press("Enter");
    await expect(details).toHaveAttribute("open", "");
    await expect(body).toBeVisible();
  });

  test("First Word sits above the thread and Last Word below, each saying who chose it", async ({ page }) => {
    const list = thread(page).locator(":scope > ul.comment-list");
    for (const [label, before] of [
      ["First Word", true],
      ["Last Word", false],
    ] as const) {
      const box = thread(page).getByRole("region", { name: label, exact: true });
      await expect(box).toHaveCount(1);
      await expect(box).toBeVisible();
      await expect(box.getByRole("heading", { name: label, exact: true })).toBeVisible();
      const by = box.getByText(new RegExp(`^Made the ${label} by \\S.*`));
      await expect(by).toBeVisible();
      await expect(by.getByRole("link").first()).toHaveAttribute("href", /^\/users\/[\w-]+$/);
      await expect(box.locator(".comment__body")).toHaveText(/\S/);

      expect(await precedes(box, list)).toBe(before);
      const boxRect = (await box.boundingBox())!;
      const listRect = (await list.boundingBox())!;
      if (before) expect(boxRect.y + boxRect.height).toBeLessThanOrEqual(listRect.y);
      else expect(boxRect.y).toBeGreaterThanOrEqual(listRect.y + listRect.height);

      // "See it in the thread" leads to the same comment in its place.
      const see = box.getByRole("link", { name: "See it in the thread" });
      const target = (await see.getAttribute("href"))!;
      expect(target).toMatch(/^#comment-[\w-]+$/);
      const inThread = list.locator(`li${target}`);
      await expect(inThread).toHaveCount(1);
      await see.click();
      await expect(ownBox(inThread)).toBeInViewport();
    }
  });

  test("the First Word that also opens the thread is not shown twice in a row: its place keeps its replies and folds its text", async ({ page }) => {
    const box = thread(page).getByRole("region", { name: "First Word", exact: true });
    const target = (await box.getByRole("link", { name: "See it in the thread" }).getAttribute("href"))!;
    const first = thread(page).locator(":scope > ul.comment-list > li.comment").first();
    // In the demo the First Word is the discussion's opening comment.
    await expect(first).toHaveAttribute("id", target.slice(1));
    const text = (await box.locator(".comment__body").innerText()).trim();
    const repeat = ownBox(first).locator("details.comment__repeat");
    const summary = repeat.locator(":scope > summary");
    await expect(summary).toHaveText("Shown above as the First Word");
    await expect(ownBox(first).locator(".comment__body")).toBeHidden();
    // Its subject and byline stay, so the thread still reads in order, and so do its controls.
    await expect(ownBox(first).locator(".comment__byline")).toBeVisible();
    await expect(first.getByText("Reply", { exact: true }).first()).toBeVisible();
    // Anyone who wants it here too opens it in place (keyboard included).
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(ownBox(first).locator(".comment__body")).toHaveText(text);
  });
});

test("the thread is reached from the front page", async ({ page }) => {
  await openFlagshipFromHome(page);
  await expect(flaggedComment(page)).toHaveCount(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the flagged comment is collapsed and opens on click", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const { details, summary, body, reply } = flaggedParts(flaggedComment(page));
    await expect(body).toBeHidden();
    await expect(ownBox(reply).locator(".comment__body")).toBeVisible();
    await summary.click();
    await expect(details).toHaveAttribute("open", "");
    await expect(body).toBeVisible();
  });

  test("the flagged comment opens from the keyboard", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const { details, summary, body } = flaggedParts(flaggedComment(page));
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(details).toHaveAttribute("open", "");
    await expect(body).toBeVisible();
  });
});
