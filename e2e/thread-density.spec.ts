// A long discussion reads as one: the flagship's ~40 comments fit in about 9,000 px at a desktop
// width (it was 15,900 px with four rows of controls under each comment), and the keyboard meets
// one stop for a comment's actions rather than eight.
import { expect, test } from "@playwright/test";
import { FLAGSHIP_PATH, thread, threadComments } from "./fixtures";

test.use({ viewport: { width: 1280, height: 900 } });

test("the flagship discussion is at most 9,000 px tall at 1280 px, each comment with one action line", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  const comments = threadComments(page);
  expect(await comments.count()).toBeGreaterThanOrEqual(40);
  // Once hydrated (the page marks the thread live), the layout is the one readers see.
  await expect(thread(page)).toHaveAttribute("data-live");
  const height = await thread(page).evaluate((el) => el.getBoundingClientRect().height);
  expect(height, `the discussion is ${Math.round(height)} px tall`).toBeLessThanOrEqual(9_000);
  // One action line per comment that has one (a deleted comment's placeholder has none).
  const lines = await thread(page).locator("li.comment").evaluateAll((items) =>
    items.map((li) => li.querySelectorAll(":scope > .comment-actions, :scope > details > .comment-actions").length),
  );
  expect(Math.max(...lines)).toBe(1);
});
