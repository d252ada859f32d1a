// First Word and Last Word as members buy them: credits granted from the command line, each
// comment's "⋯" menu with the price and the member's balance, the spotlight placed and
// labelled, "already been claimed" once taken, a clear refusal without enough credits, and the
// refund when a moderator takes the comment down. Claims are made on the article no other spec
// spotlights (the flagship's are the demo's).
import { execFileSync } from "node:child_process";
import type { Locator, Page } from "@playwright/test";
import { ARTICLES, UNCOUNTED, commentWithText, expect, moreActions, moreActionsLink, openUntil, postViaApi, registerMember, replyControl } from "./comments-helpers";
import { adminCli, newBrowserContext, newMember, realComments, submitSignIn, test, thread, uniqueSuffix, pressRatingControl } from "./fixtures";

// Command-line runs (tsx) for credits, a comment and a moderator, on top of the browsing.
test.describe.configure({ timeout: 90_000 });

/** Opens the comment's "⋯" menu; First Word and Last Word are in it. */
async function openOptions(comment: Locator): Promise<Locator> {
  await moreActions(comment).click();
  const panel = replyControl(comment).locator(".more-menu__panel");
  await expect(panel).toBeVisible();
  return panel;
}

/** "Make this the First/Last Word", then the confirmation step's "Spend N credits". */
async function claim(panel: Locator, label: "First Word" | "Last Word", cost: number) {
  await panel.getByRole("button", { name: `Make this the ${label}` }).click();
  await expect(panel.getByText(`Spend ${cost} credits to make this the ${label}?`)).toBeVisible();
  await panel.getByRole("button", { name: `Spend ${cost} credits` }).click();
}

/** The member's credits section in settings: balance and history rows, newest first. */
async function creditsOf(page: Page) {
  await page.goto("/settings#credits");
  const section = page.locator("section#credits");
  const rows = await section.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(1).map((td) => td.textContent!.trim())));
  return { text: await section.innerText(), rows };
}

test("a member with credits claims the First Word and the Last Word; the moderator's takedown refunds", async ({ page, browser, baseURL }) => {
  const member = newMember();
  await registerMember(page, member);
  expect(adminCli("grant-credits", member.email, "10", "Thanks for supporting the site")).toContain(`${member.handle} now has 10 credits`);

  // Two comments of the member's: the first written straight into the database (a member may
  // post once per 15 seconds, and waiting that out proves nothing here), the second posted, which
  // also refreshes the article's cached page.
  const first = `Opening statement ${uniqueSuffix()}`;
  const added = execFileSync("npx", ["tsx", "e2e/tasks/add-comment.ts", member.handle, "Opening", first], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  expect(JSON.parse(added.trim().split("\n").pop()!)).toMatchObject({ slug: UNCOUNTED.slug });
  const last = `Closing argument ${uniqueSuffix()}`;
  await postViaApi(page, UNCOUNTED, { subject: "Closing", body: last });

  await page.goto(UNCOUNTED.path);
  let panel = await openOptions(commentWithText(page, first));
  await expect(panel).toContainText("Your balance: 10 credits");
  await expect(panel).toContainText("5 credits");
  await claim(panel, "First Word", 5);
  await expect(page).toHaveURL(new RegExp(`${UNCOUNTED.path}#first-word$`));
  const firstWord = page.getByRole("region", { name: "First Word" });
  await expect(firstWord).toContainText(first);
  await expect(firstWord.getByRole("status")).toHaveText("Done: this comment is now the First Word. 5 credits spent.");
  await expect(firstWord.getByText(`Made the First Word by ${member.name}`)).toBeVisible();
  // It stays in its place in the thread too, above which the box sits.
  await expect(commentWithText(page, first)).toHaveCount(1);

  panel = await openOptions(commentWithText(page, last));
  await expect(panel.getByText("The first word has already been claimed")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Make this the First Word" })).toHaveCount(0);
  await expect(panel).toContainText("Your balance: 5 credits");
  // The Last Word is claimed without JavaScript (same member): confirmed on the comment's
  // spotlight page, it lands on the article at a notice in the box saying it was done.
  const noScript = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(UNCOUNTED.path);
  await moreActionsLink(commentWithText(plain, last)).click();
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Comment actions");
  await expect(plain.getByRole("main")).toContainText("Your balance: 5 credits");
  await plain.getByRole("main").getByRole("link", { name: "Make this the Last Word" }).click();
  await expect(plain.getByText("Spend 3 credits to make this the Last Word?")).toBeVisible();
  await plain.getByRole("button", { name: "Spend 3 credits" }).click();
  await expect(plain).toHaveURL(new RegExp(`${UNCOUNTED.path}#last-word-claimed$`));
  await expect(plain.getByRole("region", { name: "Last Word" }).getByRole("status")).toHaveText("Done: this comment is now the Last Word.");
  await expect(plain.getByRole("region", { name: "Last Word" })).toContainText(last);
  await noScript.close();
  await openUntil(page, UNCOUNTED.path, async () => (await page.getByRole("region", { name: "Last Word" }).count()) === 1);
  const lastWord = page.getByRole("region", { name: "Last Word" });
  await expect(lastWord).toContainText(last);
  // Reached by its own address (not the notice's), the box carries no "done" message.
  await expect(lastWord.getByRole("status")).toHaveCount(0);
  // First Word above the thread, Last Word below it.
  const order = await page.evaluate(() => {
    const at = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
    return [at("#first-word"), at("section#comments > ul.comment-list"), at("#last-word")];
  });
  expect(order[0]).toBeLessThan(order[1]);
  expect(order[1]).toBeLessThan(order[2]);
  panel = await openOptions(commentWithText(page, first));
  await expect(panel.getByText("The last word has already been claimed")).toBeVisible();

  let credits = await creditsOf(page);
  expect(credits.text).toContain("Balance: 2 credits");
  expect(credits.rows.slice(0, 3)).toEqual([
    [`Last Word on ${UNCOUNTED.title}`, "-3"],
    [`First Word on ${UNCOUNTED.title}`, "-5"],
    ["Thanks for supporting the site", "+10"],
  ]);

  // A moderator flags the First Word comment (hidden at once: the spotlight comes down and the
  // member is refunded), then removes it.
  const moderator = newMember();
  adminCli("create-user", "--email", moderator.email, "--name", moderator.name, "--password", moderator.password, "--handle", moderator.handle, "--role", "moderator");
  const modContext = await newBrowserContext(browser, baseURL);
  const mod = await modContext.newPage();
  await mod.goto("/signin");
  await submitSignIn(mod, moderator.email, moderator.password);
  await expect(mod).toHaveURL((url) => !url.pathname.startsWith("/signin"));
  await mod.goto(UNCOUNTED.path);
  const target = commentWithText(mod, first);
  await target.getByText("Flag", { exact: true }).click();
  await pressRatingControl(target.getByRole("button", { name: "Flag as abusive", exact: true }));
  await expect(target.getByRole("button", { name: "You have flagged this comment", exact: true })).toBeVisible();
  // …and removes it from the queue with a reason.
  await mod.goto("/moderation");
  const entry = mod.locator("#queue").getByRole("article").filter({ hasText: first });
  await entry.getByLabel("Reason for removal").fill("Off topic");
  await entry.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(mod.getByRole("status").filter({ hasText: "Removed." })).toBeVisible();
  await modContext.close();

  // Two writes (the flag, then the removal): wait for a view that has both, as a reader would.
  const removed = thread(page).getByText("This comment was removed by a moderator: Off topic", { exact: true });
  await openUntil(page, UNCOUNTED.path, async () => (await page.getByRole("region", { name: "First Word" }).count()) === 0 && (await removed.count()) === 1);
  await expect(removed).toBeVisible();
  await expect(page.getByRole("region", { name: "Last Word" })).toContainText(last);
  credits = await creditsOf(page);
  expect(credits.text).toContain("Balance: 7 credits");
  expect(credits.rows[0]).toEqual([`Refund: First Word on ${UNCOUNTED.title} taken down (hidden by a moderator)`, "+5"]);
});

test("a member without enough credits is told how many they need and nothing changes", async ({ page }) => {
  const article = ARTICLES.memberPost;
  await registerMember(page, newMember());
  await page.goto(article.path);
  const comment = realComments(page).first();
  const panel = await openOptions(comment);
  await expect(panel).toContainText("Your balance: 0 credits");
  await claim(panel, "Last Word", 3);
  await expect(panel.getByRole("alert")).toHaveText("You need 3 credits for that and have 0. Ask an admin for more credits.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Last Word" })).toHaveCount(0);
});

test("without JavaScript a refused claim lands on a page that says why; signed out, the options invite a sign-in", async ({ browser, baseURL }) => {
  const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLES.memberPost.path);
  // Without script the "⋯" leads to the comment's actions page, which holds the options.
  await moreActionsLink(realComments(page).first()).click();
  let panel = page.getByRole("main");
  await expect(panel.getByRole("link", { name: "sign in to see balance" })).toBeVisible();
  await expect(panel).toContainText("Get credits or sign in to see balance");

  // Registering needs the script-driven header; the signed-in cookies then go to a browser without it.
  const withScript = await newBrowserContext(browser, baseURL);
  await registerMember(await withScript.newPage(), newMember());
  const signedIn = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false, storageState: await withScript.storageState() });
  await withScript.close();
  const member = await signedIn.newPage();
  await member.goto(ARTICLES.memberPost.path);
  await moreActionsLink(realComments(member).first()).click();
  panel = member.getByRole("main");
  // Without script the spend is confirmed on the comment's spotlight page.
  await panel.getByRole("link", { name: "Make this the First Word" }).click();
  await expect(member).toHaveURL(/\/comments\/[\w-]+\/spotlight\?kind=first$/);
  await expect(member.getByText("Spend 5 credits to make this the First Word?")).toBeVisible();
  await member.getByRole("button", { name: "Spend 5 credits" }).click();
  await expect(member).toHaveURL(/\/comments\/[\w-]+\/spotlight\?outcome=credits&kind=first$/);
  await expect(member.getByRole("alert")).toHaveText("The First Word costs 5 credits and you have 0. Ask an admin for more credits.");
  await member.getByRole("link", { name: "Back to the discussion" }).click();
  await expect(thread(member)).toBeVisible();
  await signedIn.close();
  await context.close();
});
