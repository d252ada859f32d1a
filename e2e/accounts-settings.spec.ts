// Settings: a member changes their name, handle and bio (their profile address follows), their
// password (the old one stops working, other browsers are signed out) and deletes their account
// (signed out everywhere, no profile, no sign-in; their comments stay, by "Deleted user").
import { expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import {
  NOT_FOUND_HEADING,
  createMemberAndSignIn,
  expectFieldError,
  expectNoFieldError,
  expectSignedInAs,
  expectSignedOut,
  formAlert,
  newBrowserContext,
  newMember,
  registerThroughForm,
  siteHeader,
  signOutFromHeader,
  submit,
  submitSignIn,
  test,
  uniqueSuffix,
  viewerOf,
} from "./fixtures";

// Several sign-ins, sign-ups and page loads per test: on a busy machine they outgrow the default 30 s.
test.describe.configure({ timeout: 90_000 });

const WRONG = "Wrong email or password.";

async function openSettings(page: Page) {
  await siteHeader(page).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
}

function section(page: Page, heading: "Profile" | "Password" | "Delete account") {
  return page.getByRole("region", { name: heading });
}

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
}

test("settings needs a session: signed out, it sends you to sign in and back", async ({ page }) => {
  const member = newMember();
  await page.goto("/settings");
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/settings");
  await page.getByRole("main").getByRole("link", { name: "Register here" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/register" && url.searchParams.get("callbackUrl") === "/settings");
  await page.getByLabel("Name", { exact: true }).fill(member.name);
  await page.getByLabel("Handle", { exact: true }).fill(member.handle);
  await page.getByLabel("Email", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  // Registering signs nobody in; "Sign in" there keeps the way back to settings.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await submitSignIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("main")).toContainText(`Signed in with ${member.email} (never shown to others).`);
  await expect(page.getByRole("main")).toContainText("Your email address is not verified yet.");
});

test("change name, handle and bio: the profile address follows and the old one is gone", async ({ page }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);
  await openSettings(page);
  const profile = section(page, "Profile");
  await expect(profile.getByLabel("Name", { exact: true })).toHaveValue(member.name);
  await expect(profile.getByLabel("Handle", { exact: true })).toHaveValue(member.handle);
  await expect(profile.getByLabel("Bio", { exact: true })).toHaveValue("");

  const suffix = uniqueSuffix();
  const name = `Grace ${suffix}`;
  const handle = `g-${suffix}`;
  // Markup in a bio is text, not HTML.
  const bio = `Reads <b>everything</b> & argues "politely" ${suffix}.`;
  await profile.getByLabel("Name", { exact: true }).fill(name);
  await profile.getByLabel("Handle", { exact: true }).fill(handle.toUpperCase());
  await profile.getByLabel("Bio", { exact: true }).fill(bio);
  await submit(page, profile.getByRole("button", { name: "Save profile" }));
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");
  // Saved as stored: the handle in lower case.
  await expect(profile.getByLabel("Handle", { exact: true })).toHaveValue(handle);

  await page.reload();
  await expect(section(page, "Profile").getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(section(page, "Profile").getByLabel("Handle", { exact: true })).toHaveValue(handle);
  await expect(section(page, "Profile").getByLabel("Bio", { exact: true })).toHaveValue(bio);
  // The header knows the new name and address.
  await expectSignedInAs(page, { name, handle });

  await siteHeader(page).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${handle}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("main")).toContainText(`@${handle} · Joined`);
  await expect(page.getByRole("main").getByText(bio, { exact: true })).toBeVisible();
  await expect(page.getByRole("main").locator("b")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: `Comments by ${name}` })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(name));

  await expectNotFound(page, `/users/${member.handle}`);
});

test("profile errors sit next to their field and keep the other values", async ({ page }) => {
  const member = newMember();
  const other = newMember();
  // Someone else holds a handle.
  await createMemberAndSignIn(page, other);
  await signOutFromHeader(page);
  await createMemberAndSignIn(page, member);
  await openSettings(page);
  const profile = section(page, "Profile");
  const name = profile.getByLabel("Name", { exact: true });
  const handle = profile.getByLabel("Handle", { exact: true });
  const bio = profile.getByLabel("Bio", { exact: true });

  await name.fill(`Renamed ${member.name}`);
  await handle.fill(other.handle);
  await bio.fill("A new bio that must survive the error.");
  await submit(page, profile.getByRole("button", { name: "Save profile" }));
  await expect(formAlert(page, "Please correct the highlighted fields.")).toBeVisible();
  await expectFieldError(handle, "That handle is taken. Try another.");
  await expectNoFieldError(name);
  await expect(name).toHaveValue(`Renamed ${member.name}`);
  await expect(handle).toHaveValue(other.handle);
  await expect(bio).toHaveValue("A new bio that must survive the error.");

  await name.fill("   ");
  await handle.fill(member.handle);
  await submit(page, profile.getByRole("button", { name: "Save profile" }));
  await expectFieldError(name, "Enter your name.");
  await expectNoFieldError(handle);
  await expect(bio).toHaveValue("A new bio that must survive the error.");

  await name.fill("Bell\u0007Ringer");
  await submit(page, profile.getByRole("button", { name: "Save profile" }));
  await expectFieldError(name, "The name contains characters that cannot be used.");

  // Nothing of that was saved.
  await page.goto(`/users/${member.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(member.name);
  await expect(page.getByRole("main")).not.toContainText("A new bio that must survive the error.");
});

test("change password: the current one is required, the new one signs in, other browsers are signed out", async ({ page, browser, baseURL }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);

  // The same member on a second device.
  const phone = await newBrowserContext(browser, baseURL);
  try {
    const phonePage = await phone.newPage();
    await phonePage.goto("/signin");
    await submitSignIn(phonePage, member.email, member.password);
    await expectSignedInAs(phonePage, member);

    await openSettings(page);
    const form = section(page, "Password");
    const current = form.getByLabel("Current password");
    const next = form.getByLabel("New password");
    const newPassword = `new-${member.password}`;

    await current.fill("not-my-password-at-all");
    await next.fill(newPassword);
    await submit(page, form.getByRole("button", { name: "Change password" }));
    await expectFieldError(current, "That is not your current password.");
    await expect(current).toHaveValue("");
    await expect(next).toHaveValue("");

    await current.fill(member.password);
    await next.fill("too-short");
    await submit(page, form.getByRole("button", { name: "Change password" }));
    await expectFieldError(next, "Use at least 10 characters.");
    await expectNoFieldError(current);

    // Nothing changed so far: the phone is still signed in.
    expect(await viewerOf(phone, baseURL)).toMatchObject({ signedIn: true, handle: member.handle });

    await current.fill(member.password);
    await next.fill(newPassword);
    await submit(page, form.getByRole("button", { name: "Change password" }));
    await expect(form.getByRole("status")).toHaveText("Password changed. Other browsers signed in to your account have been signed out.");

    // This browser stays signed in; the phone is signed out.
    expect(await viewerOf(page.context(), baseURL)).toMatchObject({ signedIn: true, handle: member.handle });
    expect(await viewerOf(phone, baseURL)).toMatchObject({ signedIn: false });
    await phonePage.reload();
    await expectSignedOut(phonePage);
  } finally {
    await phone.close();
  }

  await signOutFromHeader(page);
  await page.goto("/signin");
  await submitSignIn(page, member.email, member.password);
  await expect(formAlert(page, WRONG)).toBeVisible();
  await submitSignIn(page, member.email, `new-${member.password}`);
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, member);
});

test("delete account: signed out everywhere, no sign-in, no profile; their comment stays, by “Deleted user”", async ({ page, browser, baseURL }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);

  // Members cannot post comments yet: give this one a comment directly in the database.
  const body = `A comment to outlive its author ${uniqueSuffix()}.`;
  const output = execFileSync("npx", ["tsx", "e2e/tasks/add-comment.ts", member.handle, "Outliving", body], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  const { commentId, slug } = JSON.parse(output.trim().split("\n").pop()!) as { commentId: string; slug: string };

  // The profile lists it.
  await page.goto(`/users/${member.handle}`);
  await expect(page.getByRole("list", { name: "Community ratings" })).toContainText("1 comment");
  await expect(page.getByRole("main").getByText(body)).toBeVisible();

  // Also signed in on a second device.
  const phone = await newBrowserContext(browser, baseURL);
  try {
    const phonePage = await phone.newPage();
    await phonePage.goto("/signin");
    await submitSignIn(phonePage, member.email, member.password);
    await expectSignedInAs(phonePage, member);

    await openSettings(page);
    const form = section(page, "Delete account");
    const password = form.getByLabel("Password", { exact: true });
    await password.fill("not-my-password-at-all");
    await submit(page, form.getByRole("button", { name: "Delete my account" }));
    await expectFieldError(password, "That is not your password.");
    expect(await viewerOf(page.context(), baseURL)).toMatchObject({ signedIn: true, handle: member.handle });

    await password.fill(member.password);
    await form.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectSignedOut(page);
    expect((await page.context().cookies()).find((c) => c.name === "dept.session")).toBeUndefined();

    expect(await viewerOf(phone, baseURL)).toMatchObject({ signedIn: false });
  } finally {
    await phone.close();
  }

  await expectNotFound(page, `/users/${member.handle}`);

  await page.goto("/signin");
  await submitSignIn(page, member.email, member.password);
  await expect(formAlert(page, WRONG)).toBeVisible();

  // The comment is still in its thread, now by "Deleted user", and the name is gone from the page.
  await page.goto(`/comments/${commentId}`);
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}#comment-${commentId}$`));
  const comment = page.locator(`[id="comment-${commentId}"]`);
  await expect(comment).toContainText(body);
  await expect(comment.locator(".comment__author").first()).toHaveText("Deleted user");
  await expect(page.getByRole("main")).not.toContainText(member.name);
  await expect(comment.getByRole("link", { name: member.name })).toHaveCount(0);

  // Their email and handle are free again.
  await registerThroughForm(page, { ...member, name: `Returning ${member.name}` });
});
