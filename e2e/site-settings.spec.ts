// Site settings as an admin changes them, and the site following at once. These change what
// every page does, so this spec runs in its own Playwright project after all the others.
import type { Page } from "@playwright/test";
import { ARTICLES, commentForm, expect, formFields, openArticle } from "./comments-helpers";
import { expectFieldError, memberWithRole, newBrowserContext, signInAs, test } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 90_000 });

async function openSettings(page: Page) {
  await page.goto("/admin");
  await page.getByRole("main").getByRole("link", { name: "Site settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Site settings");
}

const ANON_COMMENTING = "Signed-out visitors may comment (as Anonymous Coward)";
const THRESHOLD = "Insightful badge threshold";

test("an admin turns anonymous commenting off and on, and the article pages follow at once", async ({ page, browser, baseURL }) => {
  await signInAs(page, await memberWithRole("admin"));
  await openSettings(page);

  // A bad number is refused next to its field, with what was typed kept and nothing saved.
  await page.getByLabel(THRESHOLD).fill("lots");
  await page.getByLabel(ANON_COMMENTING).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expectFieldError(page.getByLabel(THRESHOLD), "Enter a whole number for the insightful badge threshold.");
  await expect(page.getByLabel(THRESHOLD)).toHaveValue("lots");
  await expect(page.getByLabel(ANON_COMMENTING)).not.toBeChecked();
  const visitor = await newBrowserContext(browser, baseURL);
  const reader = await visitor.newPage();
  await openArticle(reader, ARTICLES.anonymous);
  await expect(formFields(commentForm(reader)).email).toBeVisible();

  await page.getByLabel(THRESHOLD).fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: 1 setting changed.");

  // Signed out, the form is now only an invitation to sign in.
  await openArticle(reader, ARTICLES.anonymous);
  await expect(commentForm(reader)).toHaveCount(0);
  await expect(reader.locator("section#leave-a-comment").getByRole("link", { name: "Sign in now" })).toBeVisible();

  await page.reload();
  await page.getByLabel(ANON_COMMENTING).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: 1 setting changed.");
  await openArticle(reader, ARTICLES.anonymous);
  await expect(formFields(commentForm(reader)).email).toBeVisible();

  // Both changes are in the log.
  await page.goto("/moderation");
  await expect(page.locator("#log").getByRole("row").filter({ hasText: "anonymousCommenting: true → false" })).toHaveCount(1);
  await expect(page.locator("#log").getByRole("row").filter({ hasText: "anonymousCommenting: false → true" })).toHaveCount(1);
  await visitor.close();
});

test("readers get no admin pages, and a settings form posted by a reader changes nothing", async ({ page, browser, baseURL }) => {
  // The form as an admin's browser gets it without JavaScript: its hidden fields name the action.
  const adminContext = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
  const admin = await adminContext.newPage();
  const withScript = await newBrowserContext(browser, baseURL);
  await signInAs(await withScript.newPage(), await memberWithRole("admin"));
  await adminContext.addCookies(await withScript.cookies());
  await withScript.close();
  await admin.goto("/admin/settings");
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Save settings" }) });
  const hidden = await form.locator("input[type=hidden]").evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]));
  expect(hidden.length).toBeGreaterThan(0);

  const reader = await memberWithRole("reader");
  await signInAs(page, reader);
  for (const path of ["/admin", "/admin/settings", "/admin/users"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toContainText("This page is for administrators.");
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  }
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);

  const forged = Object.fromEntries([
    ...hidden,
    ["anonymousCommenting", "on"],
    ["anonymousRating", "on"],
    ["insightfulBadgeThreshold", "99"],
    ["funnyBadgeThreshold", "5"],
    ["flagHideWeight", "5"],
    ["commentIntervalSeconds", "15"],
    ["anonymousCommentsPerHour", "10"],
    ["firstWordCost", "5"],
    ["lastWordCost", "3"],
    ["trustWeightAnonymous", "0"],
    ["trustWeightNew", "0"],
    ["trustWeightMember", "1"],
    ["trustWeightEstablished", "2"],
    ["networkVoiceCap", "2"],
    ["newAccountHours", "24"],
    ["establishedAfterDays", "14"],
    ["establishedAfterComments", "5"],
    ["flagAccuracyBonusMax", "2"],
  ]);
  await page.request.post("/admin/settings", { multipart: forged, headers: { origin: new URL(baseURL!).origin } });

  await admin.reload();
  await expect(admin.getByLabel(THRESHOLD)).toHaveValue("5");

  // The same post from the admin's browser does change it (so the forged one reached the action).
  await adminContext.request.post("/admin/settings", { multipart: forged, headers: { origin: new URL(baseURL!).origin } });
  await admin.reload();
  await expect(admin.getByLabel(THRESHOLD)).toHaveValue("99");
  await admin.getByLabel(THRESHOLD).fill("5");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByLabel(THRESHOLD)).toHaveValue("5");
  await adminContext.close();
});

test("the trust settings refuse bad values next to their fields, keep what was typed, and save good ones to the log", async ({ page }) => {
  await signInAs(page, await memberWithRole("admin"));
  await openSettings(page);
  const cap = page.getByLabel("Voices counted per network");
  const member = page.getByLabel("Weight of a member");
  await expect(cap).toHaveValue("2");
  await cap.fill("0");
  await member.fill("heavy");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expectFieldError(cap, "Voices counted per network must be between 1 and 1000.");
  await expectFieldError(member, "Enter a whole number for a member's weight.");
  await expect(cap).toHaveValue("0");
  await expect(member).toHaveValue("heavy");
  await page.reload();
  await expect(cap).toHaveValue("2");

  await cap.fill("3");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: 1 setting changed.");
  await page.goto("/moderation");
  await expect(page.locator("#log").getByRole("row").filter({ hasText: "networkVoiceCap: 2 → 3" })).toHaveCount(1);
  await openSettings(page);
  await page.getByLabel("Voices counted per network").fill("2");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: 1 setting changed.");
});
