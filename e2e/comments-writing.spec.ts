// Writing a comment: a counter that speaks up near the limit, formatting help that opens in
// place, an anonymous poster's details remembered in their browser only (with the tag next to
// their name explained before they post), and a banned member told why instead of given a form.
// At a desktop's width and a phone's; the help and the no-JavaScript form without scripts.
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { BODY_MAX } from "../lib/comments/limits";
import { POSTED, UNCOUNTED, anonEmail, clickAndWaitForPost, commentForm, expect, formFields, statusMessage } from "./comments-helpers";
import { memberWithRole, newMember, test, uniqueSuffix } from "./fixtures";
import { createAndSignIn } from "./members";

test.describe.configure({ timeout: 90_000 });

/**
 * Opens the article the commenting specs may post on and waits until its form runs in the page
 * ("Quote selection" is there only then): the article may have no comment to show a Reply yet.
 */
async function openForm(page: Page): Promise<void> {
  await page.goto(UNCOUNTED.path);
  await expect(commentForm(page).getByRole("button", { name: "Quote selection" })).toBeVisible();
}

const REMEMBER = "Save my name, email and website in this browser for the next time I comment.";

/** axe over the "Leave a comment" section only (the rest of the page is other specs' business). */
async function expectFormPassesAxe(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include("#leave-a-comment").options({ rules: { "target-size": { enabled: true } } }).analyze();
  const report = results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("\n");
  expect(results.violations, `axe on ${what}:\n${report}`).toEqual([]);
  const applied = new Set([...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id));
  for (const rule of ["color-contrast", "target-size", "label"]) expect(applied.has(rule), `axe applied ${rule} on ${what}`).toBe(true);
}

for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 360, height: 780 }]] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });

    test("the counter appears from 90 % of the limit and says what is left; the formatting help opens in place", async ({ page }) => {
      await openForm(page);
      const form = commentForm(page);
      const f = formFields(form);
      const counter = form.getByRole("status").filter({ hasText: /characters? (left|over)/ });
      await f.body.fill("x".repeat(BODY_MAX * 0.9 - 1));
      await expect(counter).toHaveCount(0);
      await f.body.press("End");
      await f.body.press("y");
      await expect(counter).toHaveText("1,000 characters left");
      await f.body.fill("x".repeat(BODY_MAX - 1));
      await expect(counter).toHaveText("1 character left");
      await f.body.fill("A short one.");
      await expect(counter).toHaveCount(0);

      const help = form.getByText("Formatting help", { exact: true });
      const table = form.getByRole("table");
      await expect(table).toBeHidden();
      await help.click();
      await expect(table.getByRole("row").filter({ hasText: "**strong**" })).toContainText("strong (bold)");
      await expect(table.getByRole("row").filter({ hasText: "> quoted words" })).toContainText("a quotation");
      await expect(form).toContainText("Images become links; headings, tables and HTML tags show as plain text.");
      // Without a sideways scroll on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });

    test("an anonymous poster's name and email are remembered in the browser when asked, never sent as a setting, and the tag is explained before posting", async ({ page }) => {
      const suffix = uniqueSuffix();
      await openForm(page);
      const form = commentForm(page);
      const f = formFields(form);
      await expect(f.name).toHaveAccessibleDescription(/a short tag such as "· 3f9a" follows the name: the same on all your comments on this article/);
      const name = `Remembered ${suffix}`;
      const email = anonEmail();
      await f.name.fill(name);
      await f.email.fill(email);
      const remember = form.getByRole("checkbox", { name: REMEMBER });
      await expect(remember).not.toBeChecked();
      await remember.check();
      await f.body.fill(`Remember me ${suffix}`);
      const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().includes(UNCOUNTED.path));
      await clickAndWaitForPost(page, f.post);
      const body = (await sent).postData() ?? "";
      expect(body).toContain(email);
      // The box has no name, so the form never sends it (the text typed says "Remember me").
      expect(body).not.toMatch(/name="[^"]*remember|Save my name/i);
      await expect(statusMessage(form, POSTED)).toBeVisible();
      // The fresh form has them back, and so does the next article's.
      await expect(f.name).toHaveValue(name);
      await expect(f.email).toHaveValue(email);
      await expect(remember).toBeChecked();
      await page.reload();
      await expect(f.name).toHaveValue(name);
      await expect(f.email).toHaveValue(email);

      // Unticked and sent (a preview: a second post would be too soon after the first): forgotten.
      await form.getByRole("checkbox", { name: REMEMBER }).uncheck();
      await f.body.fill(`Forget me ${suffix}`);
      await clickAndWaitForPost(page, f.preview);
      await expect(form.getByRole("region", { name: "Preview" })).toContainText(`Forget me ${suffix}`);
      await page.reload();
      await expect(f.email).toHaveValue("");
      await expect(form.getByRole("checkbox", { name: REMEMBER })).not.toBeChecked();
    });

    test("the comment form, help open and counter showing, passes axe (target size included) in light and dark", async ({ page }) => {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await openForm(page);
        const form = commentForm(page);
        await formFields(form).body.fill("x".repeat(BODY_MAX * 0.95));
        await form.getByText("Formatting help", { exact: true }).click();
        await expect(form.getByRole("table")).toBeVisible();
        await expect(form.getByRole("checkbox", { name: REMEMBER })).toBeVisible();
        await expectFormPassesAxe(page, `the comment form (${colorScheme})`);
      }
    });

    test("a banned member is told why instead of being given a form", async ({ page }) => {
      const [moderator, member] = [await memberWithRole("moderator"), newMember()];
      await createAndSignIn(page, member, "/");
      const reason = `Kept posting the same advert ${uniqueSuffix()}`;
      execFileSync("npx", ["tsx", "e2e/tasks/ban-member.ts", moderator.handle, member.handle, reason], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
      await page.goto(UNCOUNTED.path);
      const section = page.getByRole("region", { name: "Leave a comment" });
      await expect(section.getByText(`You may not post comments: ${reason}`, { exact: true })).toBeVisible();
      await expect(section.getByRole("textbox")).toHaveCount(0);
      await expect(section.getByRole("button", { name: "Post comment" })).toHaveCount(0);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the formatting help opens, and no control is shown that needs scripts", async ({ page }) => {
    await page.goto(UNCOUNTED.path);
    const form = commentForm(page);
    await form.getByText("Formatting help", { exact: true }).click();
    await expect(form.getByRole("table").getByRole("row").filter({ hasText: "*emphasis*" })).toContainText("emphasis (italics)");
    // The one checkbox is a plain form field (ask for reply mail), not a control that needs scripts.
    await expect(form.getByRole("checkbox")).toHaveCount(1);
    await expect(form.getByRole("checkbox", { name: /Email me when someone replies/ })).toBeVisible();
    await expect(form.getByRole("button", { name: "Cancel" })).toHaveCount(0);
    await expect(formFields(form).name).toHaveAccessibleDescription(/a short tag such as "· 3f9a"/);
  });
});
