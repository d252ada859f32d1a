// Accessibility: axe on every kind of page in both colour schemes, a visible keyboard focus,
// and a phone-width article page that neither scrolls sideways nor squeezes deep replies.
import { expect, test, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, expectNoA11yViolations, flaggedComment, ownBox, threadComments } from "./fixtures";
import { waitUntilInteractive } from "./comments-helpers";

/** Paths of a tag page and a profile page, taken from the flagship's links. */
async function linkedPages(page: Page): Promise<{ tag: string; profile: string }> {
  await page.goto(FLAGSHIP_PATH);
  const tag = await page.locator(".article-footer").getByRole("listitem").getByRole("link").first().getAttribute("href");
  const profile = await page.getByRole("article").locator("header").getByRole("link").getAttribute("href");
  expect(tag).toMatch(/^\/tags\/[\w-]+$/);
  expect(profile).toMatch(/^\/users\/[\w-]+$/);
  return { tag: tag!, profile: profile! };
}

async function openFlagged(page: Page) {
  const summary = flaggedComment(page).locator(":scope > details.flagged > summary");
  await summary.click();
  await expect(flaggedComment(page).locator(":scope > details.flagged")).toHaveAttribute("open", "");
}

/** The page really is in the scheme asked for: the background follows prefers-color-scheme. */
async function expectScheme(page: Page, scheme: "light" | "dark") {
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg, `${scheme} background`).toBe(scheme === "dark" ? "rgb(22, 24, 29)" : "rgb(251, 250, 247)");
}

// Each run includes axe's color-contrast rule (and fails if it found nothing to check), so
// every page below is contrast-checked in both schemes, and held to every violation and to
// target-size (expectNoA11yViolations).
for (const scheme of ["light", "dark"] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    // axe on a 40-comment page takes a while on a busy machine.
    test.describe.configure({ timeout: 120_000 });

    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test("home page", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
      await expectScheme(page, scheme);
      await expectNoA11yViolations(page, `the home page (${scheme})`);
    });

    test("article page, flagged comment collapsed and opened", async ({ page }) => {
      await page.goto(FLAGSHIP_PATH);
      await expect(flaggedComment(page)).toHaveCount(1);
      await expectScheme(page, scheme);
      await expectNoA11yViolations(page, `the article page (${scheme}, flagged comment collapsed)`);
      await openFlagged(page);
      // A comment's "⋯" menu open too, so its items are checked.
      const comment = threadComments(page).filter({ has: page.locator(":scope > .comment-actions .action--more[aria-expanded]") }).first();
      await comment.locator(":scope > .comment-actions .action--more[aria-expanded]").click();
      await expect(comment.locator(":scope > .comment-actions .more-menu__panel")).toBeVisible();
      await expectNoA11yViolations(page, `the article page (${scheme}, flagged comment and a comment's menu opened)`);
    });

    test("tag page and profile page", async ({ page }) => {
      const { tag, profile } = await linkedPages(page);
      await page.goto(tag);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Filed under: /);
      await expectNoA11yViolations(page, `the tag page ${tag} (${scheme})`);
      await page.goto(profile);
      await expect(page.getByRole("heading", { level: 2, name: /^Articles by / })).toBeVisible();
      await expectNoA11yViolations(page, `the profile page ${profile} (${scheme})`);
    });

    test("404 page", async ({ page }) => {
      const response = await page.goto("/articles/no-such-article-for-axe");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expectNoA11yViolations(page, `the 404 page (${scheme})`);
    });
  });
}

test.describe("keyboard", () => {
  test("the first Tab lands on a link with a visible focus outline", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus-visible");
    await expect(focused).toHaveCount(1);
    await expect(focused).toHaveJSProperty("tagName", "A");
    await expect(focused).toBeInViewport();
    const outline = await focused.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThan(0);
    // It is the skip link, and it works: Enter moves focus to the main content.
    await expect(focused).toHaveText("Skip to content");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("every stop in the first stretch of the article page shows its focus", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const seen: string[] = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus-visible");
      await expect(focused).toHaveCount(1);
      const info = await focused.evaluate((el) => {
        const s = getComputedStyle(el);
        const what = `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}" ${el.getAttribute("href") ?? ""}`;
        return { what, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(info.style, `${info.what} has a focus outline`).not.toBe("none");
      expect(info.width, `${info.what} has a focus outline`).toBeGreaterThan(0);
      seen.push(info.what);
    }
    // Focus moved on at every press (a stuck focus would repeat the same element).
    for (let i = 1; i < seen.length; i++) expect(seen[i], `Tab ${i + 1}`).not.toBe(seen[i - 1]);
  });

  test("the flagged comment's summary shows its focus", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    // Hydrated first: the action lines then become toolbars (one Tab stop each), and a control
    // focused before that could be replaced under the keyboard.
    await waitUntilInteractive(page);
    const summary = flaggedComment(page).locator(":scope > details.flagged > summary");
    // Reach it by keyboard: focus the control that precedes it, then Tab.
    await summary.evaluate((el) => {
      // Only controls on screen: those inside a closed <details> (comment options, flag menus) cannot take focus.
      const controls = [...document.querySelectorAll("a[href], button, summary, input, select, textarea")].filter(
        (a) => a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && a.checkVisibility(),
      );
      (controls.at(-1) as HTMLElement | undefined)?.focus();
    });
    await page.keyboard.press("Tab");
    await expect(summary).toBeFocused();
    const style = await summary.evaluate((el) => ({ visible: el.matches(":focus-visible"), outline: getComputedStyle(el).outlineStyle }));
    expect(style.visible).toBe(true);
    expect(style.outline).not.toBe("none");
  });
});

test.describe("at 360 px wide", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the article page does not scroll sideways and deep replies stay readable", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    // Everything revealed, so hidden content is measured too.
    await openFlagged(page);
    const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360 + 1);

    const depths = await threadComments(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-depth"))));
    const deepest = Math.max(...depths);
    expect(deepest).toBeGreaterThanOrEqual(3);
    const boxes = threadComments(page).and(page.locator(`[data-depth="${deepest}"]`));
    for (const comment of await boxes.all()) {
      const box = await ownBox(comment).boundingBox();
      expect(box, "the deepest comment's box is rendered").not.toBeNull();
      expect(box!.width).toBeGreaterThanOrEqual(200);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360 + 1);
    }
  });

  test("the home page does not scroll sideways", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360 + 1);
  });
});
