// Notification mail as a member meets it: the settings section (axe-clean, saved without
// JavaScript), a reply arriving by mail with its one-click unsubscribe, and that unsubscribe
// (posted as a mail provider would, no session, no cookie) turning the mail off.
import { expect, request as playwrightRequest, type Page } from "@playwright/test";
import { articleIdOf, UNCOUNTED } from "./comments-helpers";
import { expectNoA11yViolations, newBrowserContext, newMember, test } from "./fixtures";
import { linkIn, waitForMail } from "./mail";
import { createAndSignIn } from "./members";

test.describe.configure({ timeout: 90_000 });

const section = (page: Page) => page.getByRole("region", { name: "Notifications" });

test("the Notifications section passes axe and saves without JavaScript", async ({ browser, baseURL }) => {
  const withJs = await newBrowserContext(browser, baseURL);
  const ada = newMember();
  const page = await withJs.newPage();
  await createAndSignIn(page, ada, "/settings#notifications");
  const notifications = section(page);
  await expect(notifications.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expect(notifications.getByLabel("Email me when someone replies to me")).toBeChecked();
  await expect(notifications.getByLabel("Email me about new comments in discussions and threads I follow")).toBeChecked();
  await expect(notifications.getByRole("group", { name: "How often" }).getByLabel("At once")).toBeChecked();
  await expectNoA11yViolations(page, "the settings page with its Notifications section");
  const cookies = await withJs.cookies();
  await withJs.close();

  // The same member in a browser without JavaScript: the form posts and the page says so.
  const noJs = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
  await noJs.addCookies(cookies);
  const plain = await noJs.newPage();
  await plain.goto("/settings");
  await section(plain).getByLabel("Email me when someone replies to me").uncheck();
  await section(plain).getByLabel("Daily digest").check();
  await section(plain).getByRole("button", { name: "Save notification settings" }).click();
  await expect(section(plain).getByRole("status")).toHaveText("Saved.");
  await plain.goto("/settings");
  await expect(section(plain).getByLabel("Email me when someone replies to me")).not.toBeChecked();
  await expect(section(plain).getByLabel("Email me about new comments in discussions and threads I follow")).toBeChecked();
  await expect(section(plain).getByLabel("Daily digest")).toBeChecked();
  await noJs.close();
});

test("a reply comes by mail, and its one-click unsubscribe turns notification mail off", async ({ browser, baseURL }) => {
  const [ada, bob] = [newMember(), newMember()];
  const adaContext = await newBrowserContext(browser, baseURL);
  const bobContext = await newBrowserContext(browser, baseURL);
  const adaPage = await adaContext.newPage();
  const bobPage = await bobContext.newPage();
  await createAndSignIn(adaPage, ada, "/");
  await createAndSignIn(bobPage, bob, "/");
  const articleId = await articleIdOf(adaPage.request, UNCOUNTED);
  const posted = await adaPage.request.post("/api/comments", { data: { articleId, subject: "Tide tables", body: "Does anyone keep tide tables for the bay?" } });
  expect(posted.status(), await posted.text()).toBe(201);
  const parentId = ((await posted.json()) as { id: string }).id;
  const replied = await bobPage.request.post("/api/comments", { data: { articleId, parentId, subject: "Re: Tide tables", body: "The harbour office prints them every spring." } });
  expect(replied.status(), await replied.text()).toBe(201);
  const replyId = ((await replied.json()) as { id: string }).id;

  const mail = await waitForMail(ada.email, new RegExp(`^${bob.name} replied to your comment on `));
  expect(mail.text).toContain(`/comments/${replyId}`);
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /^<(.+)>$/.exec(mail.headers["list-unsubscribe"])![1];
  // The link in the text asks first (a link scanner's visit changes nothing).
  const pageLink = linkIn(mail, "/notifications/unsubscribe");
  await adaPage.goto(pageLink);
  await expect(adaPage.getByRole("heading", { level: 1 })).toHaveText("Stop notification mail?");
  await expect(adaPage.getByRole("button", { name: "Stop notification mail" })).toBeVisible();
  await expectNoA11yViolations(adaPage, "the notification unsubscribe page");

  // A mail provider's server posts it: no cookie, no Origin of this site.
  const provider = await playwrightRequest.newContext();
  const response = await provider.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect([response.status(), await response.text()]).toEqual([200, "Unsubscribed.\n"]);
  await provider.dispose();

  await adaPage.goto("/settings#notifications");
  await expect(section(adaPage).getByLabel("Never")).toBeChecked();
  // The unsubscribe page (the link in the mail's text) now says so, with the way back in settings.
  await adaPage.goto(pageLink);
  await expect(adaPage.getByRole("heading", { level: 1 })).toHaveText("Notification mail is off");
  await expect(adaPage.getByRole("link", { name: "your notification settings" })).toHaveAttribute("href", "/settings#notifications");

  await adaContext.close();
  await bobContext.close();
});
