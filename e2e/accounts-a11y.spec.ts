// axe on the account pages, in both colour schemes, as they first appear and with their error
// messages showing (error text has colours of its own).
import { expect } from "@playwright/test";
import {
  adminCli,
  createMemberAndSignIn,
  expectFieldError,
  expectNoA11yViolations,
  formAlert,
  newMember,
  submit,
  submitSignIn,
  test,
} from "./fixtures";

for (const scheme of ["light", "dark"] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    test.describe.configure({ timeout: 90_000 });

    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test("register page, blank and with field errors", async ({ page }) => {
      await page.goto("/register");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register");
      await expectNoA11yViolations(page, `the register page (${scheme})`);
      await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
      await page.getByLabel("Email", { exact: true }).fill("not-an-email");
      await submit(page, page.getByRole("button", { name: "Register", exact: true }));
      await expectFieldError(page.getByLabel("Email", { exact: true }), "Enter a valid email address, like name@example.com.");
      await expectFieldError(page.getByLabel("Password", { exact: true }), "Use at least 10 characters.");
      await expectNoA11yViolations(page, `the register page with errors (${scheme})`);
    });

    test("sign-in page, blank and after a failure", async ({ page }) => {
      await page.goto("/signin");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
      await expectNoA11yViolations(page, `the sign-in page (${scheme})`);
      await submitSignIn(page, newMember().email, "not-a-password-here");
      await expect(formAlert(page, "Wrong email or password.")).toBeVisible();
      await expectNoA11yViolations(page, `the sign-in page after a failure (${scheme})`);
    });

    test("settings page, as it opens and with field errors", async ({ page }) => {
      const member = newMember();
      await createMemberAndSignIn(page, member);
      await page.goto("/settings");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
      await expectNoA11yViolations(page, `the settings page (${scheme})`);
      const profile = page.getByRole("region", { name: "Profile" });
      await profile.getByLabel("Handle", { exact: true }).fill("x");
      await submit(page, profile.getByRole("button", { name: "Save profile" }));
      await expectFieldError(profile.getByLabel("Handle", { exact: true }), "Use 3 to 30 letters, digits, _ or -, starting with a letter or digit.");
      const password = page.getByRole("region", { name: "Password" });
      await password.getByLabel("Current password").fill("wrong-current-password");
      await password.getByLabel("New password").fill("a-new-password-here");
      await submit(page, password.getByRole("button", { name: "Change password" }));
      await expectFieldError(password.getByLabel("Current password"), "That is not your current password.");
      await expectNoA11yViolations(page, `the settings page with errors (${scheme})`);
    });

    test("admin members page", async ({ page }) => {
      const admin = newMember();
      adminCli("create-user", "--email", admin.email, "--name", admin.name, "--password", admin.password, "--handle", admin.handle, "--role", "admin");
      await page.goto("/signin?callbackUrl=%2Fadmin%2Fusers");
      await submitSignIn(page, admin.email, admin.password);
      await expect(page).toHaveURL(/\/admin\/users$/);
      await expect(page.getByRole("searchbox", { name: "Search members" })).toBeVisible();
      await expectNoA11yViolations(page, `the admin members page (${scheme})`);
    });
  });
}
