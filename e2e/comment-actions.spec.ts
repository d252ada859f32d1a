// Each comment's one action line, as readers use it on a desktop and on a phone: Insightful,
// Funny, Flag, Reply, Quote, Link and a "⋯" menu on one row, targets big enough to hit, one Tab
// stop per comment (arrows move along the line), focus kept on a rating while it is sent, Escape
// closing menus and the reply form with focus back where it was, and a moderator's flag folding
// the comment away at once. Writes go to the article no spec counts.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "@playwright/test";
import { ARTICLES, UNCOUNTED, commentWithText, expect, moreActions, moreActionsLink, openUntil, postViaApi, registerMember, replyControl, waitUntilInteractive } from "./comments-helpers";
import { FLAGSHIP_PATH, memberWithRole, newBrowserContext, newMember, ownBox, realComments, signInAs, test, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const RATE_INSIGHTFUL = "Rate this comment as insightful";
const RATED_INSIGHTFUL = "You have rated this comment as insightful";
const RATE_FUNNY = "Rate this comment as funny";
const RATED_FUNNY = "You have rated this comment as funny";
const FLAG = "Flag this comment as abusive/trolling/spam";

/** The thread's comments shown in full (not folded away as flagged). */
function shownComments(page: Page): Locator {
  return realComments(page).filter({ hasNot: page.locator(":scope > details.flagged") });
}

/** The line's own controls, in order (not those inside an open menu). */
function lineControls(comment: Locator): Locator {
  return replyControl(comment).locator(".comment-actions__line .action");
}

/** A comment of a fresh member's on the uncounted article, opened by a visitor of its own. */
async function visitorOnFreshComment(page: Page, browser: Browser, baseURL: string | undefined, label: string) {
  await registerMember(page, newMember());
  const body = `${label} ${uniqueSuffix()}`;
  await postViaApi(page, UNCOUNTED, { subject: label, body });
  const context = await newBrowserContext(browser, baseURL, { viewport: page.viewportSize() ?? undefined });
  const visitor = await context.newPage();
  await visitor.goto(UNCOUNTED.path);
  await waitUntilInteractive(visitor);
  const comment = commentWithText(visitor, body);
  await expect(comment).toHaveCount(1);
  return { context, visitor, comment, body };
}

for (const width of [1280, 360]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("every comment has one action line of named controls, each at least 24x24 px", async ({ page }) => {
      await page.goto(FLAGSHIP_PATH);
      await waitUntilInteractive(page);
      const first = shownComments(page).first();
      const line = lineControls(first);
      await expect(line).toHaveCount(7);
      const names = ["Rate this comment as insightful", "Rate this comment as funny", FLAG, "Reply", "Quote", "Link", "More actions for this comment"];
      for (const [i, name] of names.entries()) await expect(line.nth(i)).toHaveAccessibleName(name);
      await expect(replyControl(first).getByRole("link", { name: "Link", exact: true })).toHaveAttribute("href", `/comments/${(await first.getAttribute("id"))!.slice("comment-".length)}`);

      // One row, on a desktop and on a phone, for a comment and for a reply to a reply.
      const rows = (controls: Locator) => controls.evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size);
      expect(await rows(line)).toBe(1);
      const deeper = shownComments(page).and(page.locator("[data-depth='2']")).first();
      await expect(lineControls(deeper)).toHaveCount(7);
      expect(await rows(lineControls(deeper))).toBe(1);
      const boxes = await lineControls(shownComments(page).nth(3)).evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
      for (const box of boxes) {
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
      }
      // axe's own check over the whole thread, menus open too.
      await moreActions(first).click();
      await replyControl(first).locator(".action--flag[aria-expanded]").click();
      const results = await new AxeBuilder({ page }).include("section#comments .comment-actions").withRules(["target-size"]).analyze();
      expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width + 1);
    });

    test("the action line is one Tab stop; arrows move along it and Escape closes its menus", async ({ page }) => {
      await page.goto(FLAGSHIP_PATH);
      await waitUntilInteractive(page);
      const comment = shownComments(page).nth(1);
      const insightful = comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true }).first();
      await insightful.focus();
      await page.keyboard.press("ArrowRight");
      await expect(replyControl(comment).getByRole("button", { name: RATE_FUNNY, exact: true })).toBeFocused();
      // Tab leaves the line: the next stop is outside this comment's action line.
      await page.keyboard.press("Tab");
      expect(await replyControl(comment).locator(".comment-actions__line").evaluate((el) => el.contains(document.activeElement))).toBe(false);
      // Shift+Tab comes back to where the line was left.
      await page.keyboard.press("Shift+Tab");
      await expect(replyControl(comment).getByRole("button", { name: RATE_FUNNY, exact: true })).toBeFocused();

      // The flag menu: opened from the keyboard, Escape closes it and focus is on "Flag" again.
      await page.keyboard.press("ArrowRight");
      const flag = replyControl(comment).locator(".action--flag[aria-expanded]");
      await expect(flag).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(comment.getByRole("button", { name: "Flag as abusive", exact: true })).toBeVisible();
      await page.keyboard.press("Tab");
      await expect(comment.getByRole("button", { name: "Flag as abusive", exact: true })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(comment.getByRole("button", { name: "Flag as abusive", exact: true })).toBeHidden();
      await expect(flag).toBeFocused();

      // The "⋯" menu, at the end of the line.
      await page.keyboard.press("End");
      const more = moreActions(comment);
      await expect(more).toBeFocused();
      await page.keyboard.press("Enter");
      const panel = replyControl(comment).locator(".more-menu__panel");
      await expect(panel.getByText("What’s this?")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await expect(more).toBeFocused();
    });

    test("Reply opens a form that Cancel or Escape closes, focus back on Reply", async ({ page }) => {
      await page.goto(FLAGSHIP_PATH);
      await waitUntilInteractive(page);
      const comment = shownComments(page).nth(2);
      const reply = replyControl(comment).getByRole("button", { name: "Reply", exact: true });
      const form = replyControl(comment).locator(".reply form");
      await reply.click();
      await expect(form).toBeVisible();
      await form.getByLabel("Comment", { exact: true }).click();
      await page.keyboard.press("Escape");
      await expect(form).toHaveCount(0);
      await expect(reply).toBeFocused();
      await expect(reply).toHaveAttribute("aria-expanded", "false");

      await page.keyboard.press("Enter");
      await expect(form).toBeVisible();
      await form.getByRole("button", { name: "Cancel", exact: true }).click();
      await expect(form).toHaveCount(0);
      await expect(reply).toBeFocused();
    });

    test("Enter and Space on a rating keep focus on it while the site saves it", async ({ page, browser, baseURL }) => {
      const { context, visitor, comment } = await visitorOnFreshComment(page, browser, baseURL, "Keyboard rating");
      const rate = comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true });
      await rate.focus();
      const saved = visitor.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/rating"));
      await visitor.keyboard.press("Enter");
      const rated = comment.getByRole("button", { name: RATED_INSIGHTFUL, exact: true });
      await expect(rated).toBeFocused();
      expect((await saved).status()).toBe(200);
      await expect(rated).toBeFocused();
      expect(await visitor.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");

      await visitor.keyboard.press("ArrowRight");
      await expect(comment.getByRole("button", { name: RATE_FUNNY, exact: true })).toBeFocused();
      const again = visitor.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/rating"));
      await visitor.keyboard.press("Space");
      expect((await again).status()).toBe(200);
      await expect(comment.getByRole("button", { name: RATED_FUNNY, exact: true })).toBeFocused();

      // Flagging from the keyboard: focus moves from the reason to the "flagged" control that replaces the menu.
      await visitor.keyboard.press("ArrowRight");
      await expect(comment.locator(".action--flag[aria-expanded]")).toBeFocused();
      await visitor.keyboard.press("Enter");
      await visitor.keyboard.press("Tab");
      await visitor.keyboard.press("Tab");
      await expect(comment.getByRole("button", { name: "Flag as trolling", exact: true })).toBeFocused();
      const flagged = visitor.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/rating"));
      await visitor.keyboard.press("Enter");
      expect((await flagged).status()).toBe(200);
      await expect(comment.getByRole("button", { name: "You have flagged this comment", exact: true })).toBeFocused();
      await context.close();
    });
  });
}

test("one menu is open at a time, a click elsewhere closes it, and the open one says so", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  await waitUntilInteractive(page);
  const [first, second] = [shownComments(page).nth(0), shownComments(page).nth(1)];
  const flag = replyControl(first).getByRole("button", { name: FLAG, exact: true });
  await expect(flag).toHaveAttribute("aria-expanded", "false");
  await flag.click();
  const reasons = first.getByRole("button", { name: "Flag as abusive", exact: true });
  await expect(reasons).toBeVisible();
  await expect(flag).toHaveAttribute("aria-expanded", "true");
  // The button names the panel it opened.
  const panelId = await flag.getAttribute("aria-controls");
  await expect(page.locator(`[id="${panelId}"]`)).toContainText("Flag as:");

  // Opening another comment's "⋯" closes the flag menu.
  await moreActions(second).click();
  await expect(replyControl(second).locator(".more-menu__panel")).toBeVisible();
  await expect(reasons).toHaveCount(0);
  await expect(flag).toHaveAttribute("aria-expanded", "false");

  // A click on the article closes it.
  await page.getByRole("heading", { level: 1 }).click();
  await expect(replyControl(second).locator(".more-menu__panel")).toHaveCount(0);
  await expect(moreActions(second)).toHaveAttribute("aria-expanded", "false");
});

test("a moderator's flag shows the comment as hidden at once, and the page keeps it folded", async ({ page, browser, baseURL }) => {
  await registerMember(page, newMember());
  const body = `Off-topic rant ${uniqueSuffix()}`;
  await postViaApi(page, UNCOUNTED, { subject: "Rant", body });
  const moderator = await memberWithRole("moderator");
  const context = await newBrowserContext(browser, baseURL);
  const mod = await context.newPage();
  await signInAs(mod, moderator);
  await mod.goto(UNCOUNTED.path);
  await waitUntilInteractive(mod);
  const comment = commentWithText(mod, body);
  await expect(ownBox(comment)).toBeVisible();
  await comment.locator(".action--flag[aria-expanded]").click();
  await comment.getByRole("button", { name: "Flag as spam", exact: true }).click();
  await expect(comment.getByRole("status")).toContainText("This comment has been hidden by a moderator.");
  await expect(ownBox(comment)).toBeHidden();
  await expect(comment.getByRole("button", { name: "You have flagged this comment", exact: true })).toBeVisible();
  await context.close();

  // Everyone's page shows it folded from then on.
  const folded = commentWithText(page, body).locator(":scope > details.flagged > summary");
  await openUntil(page, UNCOUNTED.path, async () => (await folded.count()) === 1);
  await expect(folded).toHaveText("This comment has been hidden by a moderator. Click here to show it.");
});

test("credits: What's this? explains First and Last Word in place, and get credits explains how", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  await waitUntilInteractive(page);
  const comment = shownComments(page).first();
  await moreActions(comment).click();
  const panel = replyControl(comment).locator(".more-menu__panel");
  await panel.getByText("What’s this?").click();
  await expect(panel).toContainText("the First Word shows above the whole discussion, the Last Word below it");
  await panel.getByRole("link", { name: "Get credits" }).click();
  await expect(page).toHaveURL(/\/credits$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Credits");
  await expect(page.getByRole("main")).toContainText("Credits are granted by the site’s administrators");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the action line is links and forms, and the ⋯ leads to the comment's actions, then to the spotlight page", async ({ page }) => {
    await page.goto(ARTICLES.memberPost.path);
    const comment = shownComments(page).first();
    const id = (await comment.getAttribute("id"))!.slice("comment-".length);
    await expect(replyControl(comment).getByRole("link", { name: "Reply", exact: true })).toHaveAttribute("href", `/comments/${id}/reply`);
    await expect(replyControl(comment).getByRole("link", { name: "Quote", exact: true })).toHaveAttribute("href", `/comments/${id}/reply?quote=1`);
    await replyControl(comment).getByRole("link", { name: "Link", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${ARTICLES.memberPost.path}(\\?[^#]*)?#comment-${id}$`));
    await moreActionsLink(comment).click();
    await expect(page).toHaveURL(new RegExp(`/comments/${id}/actions$`));
    const actions = page.getByRole("main");
    await expect(actions.getByRole("link", { name: "Reply", exact: true })).toHaveAttribute("href", `/comments/${id}/reply`);
    await expect(actions.getByRole("button", { name: "Follow this thread", exact: true })).toBeVisible();
    await expect(actions.getByRole("link", { name: "Make this the First Word" })).toHaveAttribute("href", `/comments/${id}/spotlight?kind=first`);
  });
});
