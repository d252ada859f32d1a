// Email verification as a member meets it: registering ends on "Check your email" (never signed
// in, whether or not the address had an account); until the mailed link is followed, settings say
// the address is not verified and can send the link again; only the newest link works, once. With
// and without JavaScript. Then the registration limit per client address.
import { expect, type Page } from "@playwright/test";
import {
  CHECK_YOUR_EMAIL_HEADING,
  type Member,
  expectNoA11yViolations,
  fillRegisterForm,
  formAlert,
  newMember,
  submit,
  submitSignIn,
  test,
} from "./fixtures";
import { linkIn, mailsTo, waitForMail } from "./mail";

test.describe.configure({ timeout: 60_000 });

const NOT_VERIFIED = "Your email address is not verified yet.";
const CONFIRM_SUBJECT = /^Confirm your email address/;

/** Registers and signs in straight from the "Check your email" page, without confirming. */
async function registerWithoutConfirming(page: Page, member: Member): Promise<void> {
  await page.goto("/register?callbackUrl=%2Fsettings");
  await fillRegisterForm(page, member);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await submitSignIn(page, member.email, member.password);
  await expect(page).toHaveURL((url) => url.pathname === "/settings");
}

const confirmLinks = (member: Member) => mailsTo(member.email).filter((m) => CONFIRM_SUBJECT.test(m.subject)).map((m) => linkIn(m, "/verify-email"));

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("settings ask to confirm the address and send a new link; only the newest works, once", async ({ page }) => {
      const member = newMember();
      await registerWithoutConfirming(page, member);
      const notice = page.getByRole("region", { name: "Confirm your email address" });
      await expect(notice).toContainText(NOT_VERIFIED);
      await expect(notice).toContainText(`The link goes to ${member.email}.`);
      await waitForMail(member.email, CONFIRM_SUBJECT);

      await submit(page, notice.getByRole("button", { name: "Send the link again" }));
      await expect(page.getByRole("status").filter({ hasText: "We have sent you a new link." })).toBeVisible();
      await expect.poll(() => confirmLinks(member).length).toBe(2);
      const [first, newest] = confirmLinks(member);

      await page.goto(first);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
      await page.goto(newest);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your email address is verified");
      await page.goto(newest);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your email address is already verified");

      await page.goto("/settings");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
      await expect(page.getByRole("main")).not.toContainText(NOT_VERIFIED);
    });
  });
}

test("the “Check your email” page, the notice in settings and the confirmation page pass axe", async ({ page }) => {
  const member = newMember();
  await page.goto("/register");
  await fillRegisterForm(page, member);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
  await expectNoA11yViolations(page, "the Check your email page");
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await submitSignIn(page, member.email, member.password);
  await page.goto("/settings");
  await expect(page.getByText(NOT_VERIFIED)).toBeVisible();
  await expectNoA11yViolations(page, "settings with the not-verified notice");
  await page.goto(linkIn(await waitForMail(member.email, CONFIRM_SUBJECT), "/verify-email"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your email address is verified");
  await expectNoA11yViolations(page, "the confirmation page");
});

test("registrations from one client address stop at the limit, keeping what was typed", async ({ page }) => {
  // REGISTRATION_LIMITS.perIp (lib/users/registration-limits.ts): 5 an hour.
  for (let i = 0; i < 5; i++) {
    await page.goto("/register");
    await fillRegisterForm(page, newMember());
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
  }
  const sixth = newMember();
  await page.goto("/register");
  await fillRegisterForm(page, sixth);
  await submit(page, page.getByRole("button", { name: "Register", exact: true }));
  await expect(formAlert(page, /^Too many registrations in a short time\. Please try again in \d+ minutes?\.$/)).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(sixth.email);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(sixth.name);
  expect(mailsTo(sixth.email)).toHaveLength(0);
});
