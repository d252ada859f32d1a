// "Forgot your password?" as a member meets it: the link under the sign-in form, the mail that
// arrives (at the SMTP receiver scripts/e2e.ts runs), the new password, every browser signed out,
// a link that works once; the same answer for an address no account uses; and all of it without
// JavaScript too.
import { expect, type Page } from "@playwright/test";
import {
  createMemberAndSignIn,
  expectFieldError,
  expectNoA11yViolations,
  expectSignedInAs,
  expectSignedOut,
  newBrowserContext,
  newMember,
  submit,
  submitSignIn,
  test,
  uniqueSuffix,
} from "./fixtures";
import { linkIn, mailsTo, waitForMail } from "./mail";

const REQUESTED = "If an account uses that address, we have sent it a link to choose a new password. The link works once, for 60 minutes.";
const CHANGED = "Your password is changed, and every browser that was signed in is signed out. Sign in with the new password.";
const main = (page: Page) => page.getByRole("main");

async function askForLink(page: Page, email: string): Promise<void> {
  await page.goto("/signin");
  await main(page).getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await main(page).getByLabel("Email", { exact: true }).fill(email);
  await submit(page, main(page).getByRole("button", { name: "Send reset link" }));
  await expect(main(page).getByRole("status")).toHaveText(REQUESTED);
}

async function chooseNewPassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await main(page).getByLabel("New password").fill(password);
  await submit(page, main(page).getByRole("button", { name: "Save new password" }));
  await expect(main(page).getByRole("status")).toHaveText(CHANGED);
}

for (const javaScriptEnabled of [true, false]) {
  test(`a member who forgot their password chooses a new one from a mailed link, and every browser is signed out${javaScriptEnabled ? "" : " (without JavaScript)"}`, async ({ page, browser, baseURL }) => {
    const member = newMember();
    await createMemberAndSignIn(page, member);

    const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled });
    const other = await context.newPage();
    await askForLink(other, member.email);
    const mail = await waitForMail(member.email, /^Choose a new password for /);
    const link = linkIn(mail, "/reset-password");
    const password = `new-${uniqueSuffix()}-password`;
    await chooseNewPassword(other, link, password);

    await main(other).getByRole("link", { name: "Sign in", exact: true }).click();
    await submitSignIn(other, member.email, member.password);
    await expect(main(other).getByRole("alert")).toHaveText("Wrong email or password.");
    await submitSignIn(other, member.email, password);
    await expect(other).toHaveURL((url) => !url.pathname.startsWith("/signin"));
    // (The header's account menu is drawn by script; without it, settings show who is signed in.)
    if (javaScriptEnabled) await expectSignedInAs(other, member);
    await other.goto("/settings");
    await expect(main(other).getByLabel("Handle")).toHaveValue(member.handle);

    // The browser that was signed in with the old password is signed out.
    await page.reload();
    await expectSignedOut(page);

    // The link was used up.
    await other.goto(link);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
    await expect(main(other).getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
    await context.close();
  });
}

test("an address no account uses gets the same answer on the page, and a mail saying so; a mistyped one is pointed out", async ({ page }) => {
  const stranger = `nobody.${uniqueSuffix()}@example.test`;
  await askForLink(page, stranger);
  const mail = await waitForMail(stranger, /^Password reset for /);
  expect(mail.text).toContain("no account uses it");
  expect(mail.text).not.toContain("/reset-password");

  await page.goto("/forgot-password");
  const field = main(page).getByLabel("Email", { exact: true });
  await field.fill("not an address");
  await submit(page, main(page).getByRole("button", { name: "Send reset link" }));
  await expectFieldError(field, "Enter a valid email address, like name@example.com.");
  await expect(field).toHaveValue("not an address");
  expect(mailsTo("not an address")).toHaveLength(0);
});

test("a new password that is too short is refused next to the field, and the link still works", async ({ page, browser, baseURL }) => {
  const member = newMember();
  const registering = await newBrowserContext(browser, baseURL);
  await createMemberAndSignIn(await registering.newPage(), member);
  await registering.close();

  await askForLink(page, member.email);
  const link = linkIn(await waitForMail(member.email, /^Choose a new password for /), "/reset-password");
  await page.goto(link);
  await expectNoA11yViolations(page, "the reset form");
  const field = main(page).getByLabel("New password");
  await field.fill("short");
  await submit(page, main(page).getByRole("button", { name: "Save new password" }));
  await expectFieldError(field, "Use at least 10 characters.");
  await chooseNewPassword(page, link, `long-enough-${uniqueSuffix()}`);
});

test("a link that was never sent, or is mangled, says so and offers a new one; the pages pass axe and run their scripts under a nonce", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  for (const token of ["", "abc", "x".repeat(43)]) {
    const response = await page.goto(`/reset-password?token=${token}`);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=-]+'/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  }
  await expectNoA11yViolations(page, "a dead reset link");
  const response = await page.goto("/forgot-password");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=-]+'/);
  await expectNoA11yViolations(page, "/forgot-password");
  // Hydrated: the form now answers in place, without a page load.
  await main(page).getByLabel("Email", { exact: true }).fill("not an address");
  await main(page).getByRole("button", { name: "Send reset link" }).click();
  await expect(main(page).getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  expect(refused).toEqual([]);
});
