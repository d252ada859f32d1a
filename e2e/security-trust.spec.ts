// Trust as an attacker meets it, through the real routes: flags and ratings sent by a script with
// no cookie and a forged X-Forwarded-For, and a forged address used to dodge a posting limit.
// The e2e server believes one proxy hop (TRUST_PROXY=1), so each request here stands for a client
// behind that proxy: the proxy appends the address it saw, and anything before it is the client's
// own writing. Then the honest side: a moderator finds those flags in Reported and judges them.
import { request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { UNCOUNTED, anonEmail, articleIdOf, commentWithText, expect, openUntil, postViaApi } from "./comments-helpers";
import { createMember } from "./members";
import { FLAGSHIP_PATH, FUNNY_SENTENCE, expectNoA11yViolations, memberWithRole, newBrowserContext, newMember, ownBox, pressRatingControl, signInAs, test, uniqueIp, uniqueSuffix, type Member } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

/** A browser of its own, signed in as `member`. */
async function signedIn(browser: Browser, baseURL: string | undefined, member: Member): Promise<Page> {
  const page = await (await newBrowserContext(browser, baseURL)).newPage();
  await signInAs(page, member);
  return page;
}

/** A script's client with no cookie, writing `forged` before the address the proxy appends. */
async function scriptedClient(baseURL: string, forged: string) {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `${forged}, ${uniqueIp()}`, origin: new URL(baseURL).origin } });
}

test("twenty cookie-less scripts with forged addresses flag and rate the flagship's First Word: it stays up, earns no badge and keeps its place", async ({ page, browser, baseURL }) => {
  // The demo's First Word: a member paid for it, and hiding the comment would take it down.
  await page.goto(FLAGSHIP_PATH);
  const firstWord = page.getByRole("region", { name: "First Word" });
  const link = await firstWord.getByRole("link", { name: "See it in the thread" }).getAttribute("href");
  const commentId = /comment-(.+)$/.exec(link ?? "")?.[1];
  expect(commentId, `the First Word links to its comment (${link})`).toBeTruthy();
  const text = (await firstWord.locator(".comment__body").innerText()).slice(0, 40);

  for (let i = 0; i < 20; i++) {
    const script = await scriptedClient(baseURL!, `198.51.${i}.${i + 1}`);
    const flag = await script.post(`/api/comments/${commentId}/rating`, { form: { control: "flag", on: "1", reason: "spam" }, headers: { accept: "application/json" } });
    const rate = await script.post(`/api/comments/${commentId}/rating`, { form: { control: "funny", on: "1" }, headers: { accept: "application/json" } });
    // Each request is accepted and recorded, as an honest visitor's would be.
    expect([flag.status(), rate.status()]).toEqual([200, 200]);
    await script.dispose();
  }

  await page.reload();
  await expect(page.getByRole("region", { name: "First Word" })).toContainText(text);
  const inThread = page.locator(`#comment-${commentId}`);
  await expect(inThread.locator(":scope > details.flagged")).toHaveCount(0);
  await expect(ownBox(inThread).getByText(FUNNY_SENTENCE)).toHaveCount(0);

  // Still, a person hears about every one of them.
  const moderator = await signedIn(browser, baseURL, await memberWithRole("moderator"));
  await moderator.goto("/moderation/reported");
  const entry = moderator.getByRole("article").filter({ has: moderator.locator(`a[href="/comments/${commentId}"]`) });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole("definition").filter({ hasText: "flags from" })).toContainText("20 anonymous visitors");
  await moderator.context().close();
});

test("a forged X-Forwarded-For does not get a second anonymous comment past the 15-second limit", async ({ baseURL, request }) => {
  const articleId = await articleIdOf(request, UNCOUNTED);
  const realAddress = uniqueIp();
  const post = async (forged: string) => {
    const client = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `${forged}, ${realAddress}` } });
    const response = await client.post("/api/comments", { data: { articleId, subject: "Twice", body: `Forged ${forged} ${uniqueSuffix()}`, anonEmail: anonEmail() } });
    await client.dispose();
    return response.status();
  };
  expect(await post("203.0.113.1")).toBe(201);
  // A new cookie-less client, a new forged address in front: the same client all the same.
  expect(await post("192.0.2.77")).toBe(429);
});

test("a moderator upholds a member's report in Reported: the comment is hidden, and the flagger's record shows it", async ({ page, browser, baseURL }) => {
  const author = await memberWithRole("reader");
  await signInAs(page, author);
  const body = `Reported to a person ${uniqueSuffix()}`;
  await postViaApi(page, UNCOUNTED, { subject: "Reported", body });

  const flagger = newMember();
  await createMember(flagger, { trust: "member" });
  const flaggerPage = await signedIn(browser, baseURL, flagger);
  await flaggerPage.goto(UNCOUNTED.path);
  const comment = commentWithText(flaggerPage, body);
  await comment.getByText("Flag", { exact: true }).click();
  await pressRatingControl(comment.getByRole("button", { name: "Flag as trolling", exact: true }));
  await flaggerPage.context().close();

  const moderator = await signedIn(browser, baseURL, await memberWithRole("moderator"));
  await moderator.goto("/moderation");
  await moderator.getByRole("navigation", { name: "Moderation sections" }).getByRole("link", { name: "Reported" }).click();
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText("Reported comments");
  const entry = moderator.getByRole("article").filter({ hasText: body });
  // One member's flag weighs 1 of the 5 that would hide it: only a person can act on it now.
  await expect(entry.getByRole("row").filter({ hasText: flagger.handle })).toContainText("member");
  await expect(entry.getByRole("row").filter({ hasText: flagger.handle })).toContainText("trolling");
  await expectNoA11yViolations(moderator, "the Reported view");
  await entry.getByRole("button", { name: "Uphold the flags" }).click();
  await expect(moderator.getByRole("status")).toHaveText(/Flags upheld/);
  await expect(moderator.getByRole("article").filter({ hasText: body })).toHaveCount(0);

  await openUntil(page, UNCOUNTED.path, async () => (await commentWithText(page, body).locator(":scope > details.flagged").count()) === 1);
  await expect(commentWithText(page, body).locator(":scope > details.flagged > summary")).toHaveText("This comment has been hidden by a moderator. Click here to show it.");

  const admin = await signedIn(browser, baseURL, await memberWithRole("admin"));
  await admin.goto(`/admin/users?q=${flagger.handle}`);
  await expect(admin.getByRole("row").filter({ hasText: flagger.handle })).toContainText("flags upheld 1, rejected 0");
});
