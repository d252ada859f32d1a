// Choosing how to read a discussion: threaded or flat, and the order, kept in the URL; plain
// links, so it works without JavaScript too.
import { expect, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, realComments, test, thread } from "./fixtures";

const viewNav = (page: Page) => page.getByRole("navigation", { name: "Comment display" });

async function commentTimes(page: Page): Promise<number[]> {
  const times = await realComments(page).locator(":scope > .comment__box time, :scope > details > .comment__box time").evaluateAll((els) =>
    els.map((el) => Date.parse(el.getAttribute("datetime") ?? "")),
  );
  return times;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`thread views (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    test("flat and newest first are chosen by link, kept in the URL, and undone the same way", async ({ page }) => {
      await page.goto(FLAGSHIP_PATH);
      const threadedCount = await realComments(page).count();
      expect(await thread(page).locator("ul.comment-list ul.comment-list").count()).toBeGreaterThan(0);
      await expect(viewNav(page).getByRole("link", { name: "Threaded" })).toHaveAttribute("aria-current", "true");
      await expect(viewNav(page).getByRole("link", { name: "Oldest first" })).toHaveAttribute("aria-current", "true");

      await viewNav(page).getByRole("link", { name: "Flat" }).click();
      await expect(page).toHaveURL(/\?view=flat#comments$/);
      await expect(viewNav(page).getByRole("link", { name: "Flat" })).toHaveAttribute("aria-current", "true");
      // Flat: no nesting at all, and the same comments.
      expect(await thread(page).locator("ul.comment-list ul.comment-list").count()).toBe(0);
      expect(await realComments(page).count()).toBe(threadedCount);
      const oldestFirst = await commentTimes(page);
      expect([...oldestFirst].sort((a, b) => a - b)).toEqual(oldestFirst);

      await viewNav(page).getByRole("link", { name: "Newest first" }).click();
      await expect(page).toHaveURL(/\?view=flat&sort=newest#comments$/);
      const newestFirst = await commentTimes(page);
      expect(newestFirst).toEqual([...oldestFirst].reverse());

      await viewNav(page).getByRole("link", { name: "Threaded" }).click();
      await expect(page).toHaveURL(/\?sort=newest#comments$/);
      expect(await thread(page).locator("ul.comment-list ul.comment-list").count()).toBeGreaterThan(0);
      await viewNav(page).getByRole("link", { name: "Oldest first" }).click();
      await expect(page).toHaveURL(new RegExp(`${FLAGSHIP_PATH}#comments$`));
    });
  });
}

test("most insightful puts a badge-earning thread first; an unknown sort shows the default", async ({ page }) => {
  await page.goto(`${FLAGSHIP_PATH}?view=flat&sort=insightful`);
  await expect(realComments(page).first().locator(".badge--insightful")).toBeVisible();
  await page.goto(`${FLAGSHIP_PATH}?sort=loudest`);
  await expect(viewNav(page).getByRole("link", { name: "Oldest first" })).toHaveAttribute("aria-current", "true");
});
