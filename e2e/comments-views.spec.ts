// Choosing how to read a discussion: threaded or in chronology (flat), and the order, kept in the
// URL; plain links, so it works without JavaScript too. In chronology each reply says whom it answers.
import { expect, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, ownBox, realComments, test, thread } from "./fixtures";

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

      await viewNav(page).getByRole("link", { name: "In chronology" }).click();
      await expect(page).toHaveURL(/\?view=flat#comments$/);
      await expect(viewNav(page).getByRole("link", { name: "In chronology" })).toHaveAttribute("aria-current", "true");
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

for (const width of [1280, 360]) {
  test(`in chronology each reply says whom it answers, and the link leads there (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(FLAGSHIP_PATH);
    // Who answers whom, as the threaded view shows it by nesting.
    const parents = await thread(page)
      .locator("li.comment li.comment")
      .evaluateAll((lis) =>
        lis.map((li) => {
          const parent = li.parentElement!.closest("li.comment")!;
          const name = parent.querySelector(":scope > .comment__box .comment__author, :scope > details > .comment__box .comment__author");
          return { id: li.id, parent: parent.id, name: name?.textContent?.trim() ?? "" };
        }),
      );
    expect(parents.length).toBeGreaterThan(10);

    await viewNav(page).getByRole("link", { name: "In chronology" }).click();
    await expect(page).toHaveURL(/\?view=flat#comments$/);
    for (const { id, parent, name } of parents.filter((p) => p.name).slice(0, 12)) {
      const byline = page.locator(`li.comment#${id}`).locator(":scope > .comment__box .comment__byline, :scope > details > .comment__box .comment__byline");
      const answer = byline.locator(".comment__reply-to");
      if (!(await byline.isVisible())) continue; // a flagged reply's byline sits in its folded box
      await expect(answer).toHaveText(`in reply to ${name}`);
      await expect(answer.getByRole("link", { name })).toHaveAttribute("href", `#${parent}`);
    }
    // Top-level comments answer nobody.
    const top = parents.length ? await thread(page).locator("li.comment .comment__reply-to").count() : 0;
    expect(top).toBeLessThan(await realComments(page).count());

    const { id, parent, name } = parents.find((p) => p.name)!;
    await page.locator(`li.comment#${id}`).locator(".comment__reply-to").getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`#${parent}$`));
    await expect(ownBox(page.locator(`li.comment#${parent}`))).toBeInViewport();
  });
}
