// Registering with bad input: the message sits next to the field at fault, everything else the
// person typed is still there (never the password), and no account is made. Then the sign-in and
// register pages without JavaScript, which must work as plain HTML forms.
import { expect, type Locator, type Page } from "@playwright/test";
import {
  CHECK_YOUR_EMAIL_HEADING,
  FLAGSHIP_PATH,
  type Member,
  confirmEmailFromMail,
  expectFieldError,
  expectNoFieldError,
  expectSignedInAs,
  fillRegisterForm,
  formAlert,
  newBrowserContext,
  newMember,
  registerThroughForm,
  signOutFromHeader,
  submit,
  submitSignIn,
  test,
  viewerOf,
} from "./fixtures";
import { waitForMail } from "./mail";

// Several sign-ins, sign-ups and page loads per test: on a busy machine they outgrow the default 30 s.
test.describe.configure({ timeout: 60_000 });

const CORRECT = "Please correct the highlighted fields.";
const WRONG = "Wrong email or password.";

function fields(page: Page): Record<"name" | "handle" | "email" | "password", Locator> {
  return {
    name: page.getByLabel("Name", { exact: true }),
    handle: page.getByLabel("Handle", { exact: true }),
    email: page.getByLabel("Email", { exact: true }),
    password: page.getByLabel("Password", { exact: true }),
  };
}

async function submitRegister(page: Page) {
  await submit(page, page.getByRole("button", { name: "Register", exact: true }));
}

type FieldName = "name" | "handle" | "email";

/**
 * After a refused registration: the form-wide alert, the message next to `field` only, the
 * other typed values kept, the password emptied, still on /register and signed out.
 */
async function expectRefused(page: Page, field: FieldName | "password", message: string, typed: Record<FieldName, string>) {
  const f = fields(page);
  await expect(f.password).toHaveValue("");
  await expect(formAlert(page, CORRECT)).toBeVisible();
  await expectFieldError(f[field], message);
  for (const other of ["name", "handle", "email", "password"] as const) {
    if (other !== field) await expectNoFieldError(f[other]);
  }
  for (const kept of ["name", "handle", "email"] as const) {
    if (kept !== field) await expect(f[kept], `${kept} is kept`).toHaveValue(typed[kept]);
  }
  await expect(page).toHaveURL((url) => url.pathname === "/register");
  expect(await viewerOf(page.context(), page.url())).toMatchObject({ signedIn: false });
}

/** Nothing was stored: the email and password that were refused do not sign anyone in. */
async function expectNoAccount(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await submitSignIn(page, email, password);
  await expect(formAlert(page, WRONG)).toBeVisible();
  expect(await viewerOf(page.context(), page.url())).toMatchObject({ signedIn: false });
}

test.describe("register with bad input", () => {
  test("an email already registered, in another case: the same answer as a new one, and a mail to its owner", async ({ page }) => {
    const first = newMember();
    await registerThroughForm(page, first);
    await signOutFromHeader(page);

    // What a new address gets…
    await page.goto("/register");
    await fillRegisterForm(page, newMember());
    await submitRegister(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
    const answerForNew = await page.getByRole("main").innerText();

    // …is word for word what a taken one gets: the page never says the address has an account.
    const second: Member = { ...newMember(), email: first.email.toUpperCase().replace("@EXAMPLE.TEST", "@Example.Test") };
    await page.goto("/register");
    await fillRegisterForm(page, second);
    await submitRegister(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
    expect(await page.getByRole("main").innerText()).toBe(answerForNew);
    expect(await viewerOf(page.context(), page.url())).toMatchObject({ signedIn: false });

    // The owner's inbox is told instead, with the ways back into their account.
    const note = await waitForMail(first.email, /^Registering at /);
    expect(note.text).toContain("It already has an account, so no new one was made.");
    expect(note.text).toMatch(/\/forgot-password\s/);

    // The existing account is untouched; the second password opens nothing.
    await expectNoAccount(page, first.email, second.password);
    await submitSignIn(page, first.email, first.password);
    await expectSignedInAs(page, first);
  });

  test("a malformed email, then corrected", async ({ page }) => {
    const member = newMember();
    const typed = { ...member, email: "ada.at.example.test" };
    await page.goto("/register");
    await fillRegisterForm(page, typed);
    await submitRegister(page);
    await expectRefused(page, "email", "Enter a valid email address, like name@example.com.", typed);
    await expect(fields(page).email).toHaveValue(typed.email);

    // Fixing the one field (and typing the password again) is enough.
    await fields(page).email.fill(member.email);
    await fields(page).password.fill(member.password);
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
    await waitForMail(member.email, /^Confirm your email address/);
  });

  test("a handle someone already has", async ({ page }) => {
    const first = newMember();
    await registerThroughForm(page, first);
    await signOutFromHeader(page);

    const second = { ...newMember(), handle: first.handle.toUpperCase() };
    await page.goto("/register");
    await fillRegisterForm(page, second);
    await submitRegister(page);
    await expectRefused(page, "handle", "That handle is taken. Try another.", second);
    await expect(fields(page).handle).toHaveValue(second.handle);
    await expectNoAccount(page, second.email, second.password);
  });

  for (const handle of ["ab", "has space", "-dash-first", "émile", "x".repeat(31)]) {
    test(`an invalid handle: ${JSON.stringify(handle)}`, async ({ page }) => {
      const member = { ...newMember(), handle };
      await page.goto("/register");
      const f = fields(page);
      await fillRegisterForm(page, member);
      // The field takes at most 30 characters; a longer one is cut there, which is still checked.
      const typedHandle = await f.handle.inputValue();
      expect(typedHandle).toBe(handle.slice(0, 30));
      if (handle.length > 30) await f.handle.evaluate((input: HTMLInputElement, value: string) => (input.value = value), handle);
      await submitRegister(page);
      await expectRefused(page, "handle", "Use 3 to 30 letters, digits, _ or -, starting with a letter or digit.", member);
      await expect(f.handle).toHaveValue(handle);
      await expectNoAccount(page, member.email, member.password);
    });
  }

  test("a name of spaces only", async ({ page }) => {
    const member = { ...newMember(), name: "    " };
    await page.goto("/register");
    await fillRegisterForm(page, member);
    await submitRegister(page);
    await expectRefused(page, "name", "Enter your name.", member);
    await expectNoAccount(page, member.email, member.password);
  });

  test("a name of 61 characters", async ({ page }) => {
    const member = { ...newMember(), name: `Ada ${"L".repeat(57)}` };
    expect(member.name).toHaveLength(61);
    await page.goto("/register");
    const f = fields(page);
    await fillRegisterForm(page, member);
    // The browser stops at 60 characters…
    await expect(f.name).toHaveValue(member.name.slice(0, 60));
    // …so send the 61 as a script (or an older browser) would: the server refuses them too.
    await f.name.evaluate((input: HTMLInputElement, value: string) => {
      input.removeAttribute("maxlength");
      input.value = value;
    }, member.name);
    await expect(f.name).toHaveValue(member.name);
    await submitRegister(page);
    await expectRefused(page, "name", "Keep the name to 60 characters or fewer.", member);
    await expectNoAccount(page, member.email, member.password);
  });

  test("a control character (BEL) in the name", async ({ page }) => {
    const member = { ...newMember(), name: `Ada\u0007Lovelace` };
    await page.goto("/register");
    const f = fields(page);
    await fillRegisterForm(page, member);
    await expect(f.name).toHaveValue(member.name);
    await submitRegister(page);
    await expectRefused(page, "name", "The name contains characters that cannot be used.", member);
    await expectNoAccount(page, member.email, member.password);
  });

  test("a NUL character in the name", async ({ page }) => {
    const member = { ...newMember(), name: `Ada\u0000Lovelace` };
    await page.goto("/register");
    const f = fields(page);
    await fillRegisterForm(page, member);
    await f.name.evaluate((input: HTMLInputElement, value: string) => (input.value = value), member.name);
    await submitRegister(page);
    await expectRefused(page, "name", "The name contains characters that cannot be used.", member);
    await expectNoAccount(page, member.email, member.password);
  });

  test("a password of 9 characters", async ({ page }) => {
    const member = { ...newMember(), password: "nine-char" };
    expect(member.password).toHaveLength(9);
    await page.goto("/register");
    await fillRegisterForm(page, member);
    await submitRegister(page);
    await expectRefused(page, "password", "Use at least 10 characters.", member);
    await expect(fields(page).email).toHaveValue(member.email);
    await expectNoAccount(page, member.email, member.password);
  });

  test("everything blank: every required field says what it needs", async ({ page }) => {
    await page.goto("/register");
    await submitRegister(page);
    const f = fields(page);
    await expect(formAlert(page, CORRECT)).toBeVisible();
    await expectFieldError(f.name, "Enter your name.");
    await expectFieldError(f.email, "Enter your email address.");
    await expectFieldError(f.password, "Use at least 10 characters.");
    // A blank handle is fine: it is derived from the name.
    await expectNoFieldError(f.handle);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("register from an article's comment box, confirm from the mail, sign in and land back on it", async ({ page }) => {
    const member = newMember();
    const back = `${FLAGSHIP_PATH}#leave-a-comment`;
    await page.goto(`/register?callbackUrl=${encodeURIComponent(back)}`);
    await fillRegisterForm(page, member);
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);

    // The mailed link is a plain page load; then "Sign in" on the first tab carries the way back.
    const inbox = await page.context().newPage();
    await confirmEmailFromMail(inbox, member.email);
    await inbox.close();
    await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
    await submitSignIn(page, member.email, member.password);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === back);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await viewerOf(page.context(), page.url())).toMatchObject({ signedIn: true, handle: member.handle, name: member.name });
    // The server-rendered settings page knows them, and has nothing left to ask about the address.
    await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
    await expect(page.getByRole("main")).toContainText(`Signed in with ${member.email}`);
    await expect(page.getByRole("button", { name: "Send the link again" })).toHaveCount(0);
  });

  test("a refused registration shows the message next to the field, keeping what was typed", async ({ page, browser, baseURL }) => {
    const first = newMember();
    const setup = await newBrowserContext(browser, baseURL);
    try {
      await registerThroughForm(await setup.newPage(), first);
    } finally {
      await setup.close();
    }
    const member = { ...newMember(), handle: first.handle };
    await page.goto("/register");
    await fillRegisterForm(page, member);
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expectRefused(page, "handle", "That handle is taken. Try another.", member);
    await expect(fields(page).handle).toHaveValue(member.handle);

    const f = fields(page);
    await f.handle.fill("");
    await f.password.fill("short");
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expectRefused(page, "password", "Use at least 10 characters.", { ...member, handle: "" });
  });

  test("sign in (wrong password first), land on the callback page, then sign out from /signin", async ({ page, browser, baseURL }) => {
    const member = newMember();
    const setup = await newBrowserContext(browser, baseURL);
    try {
      await registerThroughForm(await setup.newPage(), member);
    } finally {
      await setup.close();
    }
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/settings")}`);
    await submitSignIn(page, member.email, "definitely-wrong-password");
    await expect(formAlert(page, WRONG)).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(member.email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

    await submitSignIn(page, member.email, member.password);
    await expect(page).toHaveURL((url) => url.pathname === "/settings");
    await expect(page.getByRole("main")).toContainText(`Signed in with ${member.email}`);

    // The header's menu is a script; /signin offers the way out.
    await page.goto("/signin");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/signin");
    await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
    expect(await viewerOf(page.context(), page.url())).toMatchObject({ signedIn: false });
  });
});
