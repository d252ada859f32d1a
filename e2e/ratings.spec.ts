// Rating and flagging as readers meet them: the controls under each comment, their state after
// use, badges at the threshold, a comment folding away once enough trusted members flag it, and the raw
// counts shown only to the comment's author. Comments are posted on the article no spec counts.
import type { Browser, Page } from "@playwright/test";
import { UNCOUNTED, commentWithText, expect, openUntil, postViaApi, registerMember } from "./comments-helpers";
import { createMember } from "./members";
import { FLAGGED_SUMMARY, FLAGSHIP_PATH, INSIGHTFUL_SENTENCE, asArray, newBrowserContext, newMember, ownBox, parseXml, realComments, test, textOf, uniqueSuffix, pressRatingControl, type Member } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

const RATE_INSIGHTFUL = "Rate this comment as insightful";
const RATED_INSIGHTFUL = "You have rated this comment as insightful";
const RATE_FUNNY = "Rate this comment as funny";
const RATED_FUNNY = "You have rated this comment as funny";
const FLAG = "Flag this comment as abusive/trolling/spam";
const FLAGGED = "You have flagged this comment";

/** A member who has posted one comment on the uncounted article; returns its body text. */
async function authorWithComment(page: Page, label: string): Promise<{ member: Member; body: string }> {
  const member = newMember();
  await registerMember(page, member);
  const body = `${label} ${uniqueSuffix()}`;
  await postViaApi(page, UNCOUNTED, { subject: label, body });
  return { member, body };
}

async function openComment(page: Page, body: string) {
  await page.goto(UNCOUNTED.path);
  const comment = commentWithText(page, body);
  await expect(comment).toHaveCount(1);
  return comment;
}

/** A member in a browser of their own; `established` as an admin would make a known regular. */
async function asNewMember(browser: Browser, baseURL: string | undefined, trust?: "established") {
  const context = await newBrowserContext(browser, baseURL);
  const page = await context.newPage();
  const member = newMember();
  await createMember(member, { trust });
  await registerMember(page, member);
  return { context, page };
}

test("a member rates a comment insightful and funny, sees it kept after a reload, and withdraws it", async ({ page, browser, baseURL }) => {
  const { body } = await authorWithComment(page, "Rate me");
  const reader = await asNewMember(browser, baseURL);
  const comment = await openComment(reader.page, body);
  // The state is known once the page asks who is looking.
  await expect(comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true })).toBeEnabled();

  await pressRatingControl(comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true }));
  await expect(comment.getByRole("button", { name: RATED_INSIGHTFUL, exact: true })).toBeVisible();
  await pressRatingControl(comment.getByRole("button", { name: RATE_FUNNY, exact: true }));
  await expect(comment.getByRole("button", { name: RATED_FUNNY, exact: true })).toBeVisible();

  await reader.page.reload();
  const again = commentWithText(reader.page, body);
  await expect(again.getByRole("button", { name: RATED_INSIGHTFUL, exact: true })).toBeVisible();
  await expect(again.getByRole("button", { name: RATED_FUNNY, exact: true })).toBeVisible();
  // Readers never see raw counts.
  await expect(again.locator(".rating__counts")).toHaveCount(0);

  await pressRatingControl(again.getByRole("button", { name: RATED_INSIGHTFUL, exact: true }));
  await expect(again.getByRole("button", { name: RATE_INSIGHTFUL, exact: true })).toBeVisible();
  await reader.page.reload();
  await expect(commentWithText(reader.page, body).getByRole("button", { name: RATE_INSIGHTFUL, exact: true })).toBeVisible();
  await expect(commentWithText(reader.page, body).getByRole("button", { name: RATED_FUNNY, exact: true })).toBeVisible();

  // The author sees the counts on their own comment, and no controls to rate it.
  await page.goto(UNCOUNTED.path);
  const own = commentWithText(page, body);
  await expect(own.locator(".rating__counts")).toHaveText("Your comment: 0 insightful · 1 funny · flag weight 0");
  await expect(own.getByRole("button", { name: RATE_INSIGHTFUL })).toHaveCount(0);
  await reader.context.close();
});

test("five established members: one comment earns the insightful badge, another folds away under their flags", async ({ page, browser, baseURL }) => {
  const good = await authorWithComment(page, "Sharp point");
  // Another author for the second comment: one member may post once per 15 seconds.
  const rude = await asNewMember(browser, baseURL);
  const bad = { body: `Rude remark ${uniqueSuffix()}` };
  await postViaApi(rude.page, UNCOUNTED, { body: bad.body });
  await rude.context.close();

  const reasons = ["abusive", "trolling", "spam", "abusive", "trolling"] as const;
  for (const [i, reason] of reasons.entries()) {
    const reader = await asNewMember(browser, baseURL, "established");
    const comment = await openComment(reader.page, good.body);
    await pressRatingControl(comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true }));
    await expect(comment.getByRole("button", { name: RATED_INSIGHTFUL, exact: true })).toBeVisible();

    const target = commentWithText(reader.page, bad.body);
    // Once hidden, the controls sit inside the folded box with the comment.
    if (i >= 3) await target.locator(":scope > details.flagged > summary").click();
    await target.getByText("Flag", { exact: true }).click();
    await pressRatingControl(target.getByRole("button", { name: `Flag as ${reason}`, exact: true }));
    await expect(target.getByRole("button", { name: FLAGGED, exact: true })).toBeVisible();
    await reader.context.close();

    // Two established members' flags (weight 2 each) leave it in view; the third's reach the threshold of 5.
    const folded = commentWithText(page, bad.body).locator(":scope > details.flagged");
    if (i < 2) {
      await page.goto(UNCOUNTED.path);
      await expect(commentWithText(page, bad.body)).toHaveCount(1);
      await expect(folded).toHaveCount(0);
    } else {
      await openUntil(page, UNCOUNTED.path, async () => (await folded.count()) === 1);
      await expect(folded.locator(":scope > summary")).toHaveText(FLAGGED_SUMMARY);
    }
  }

  const hidden = commentWithText(page, bad.body);
  const why = hidden.getByText("Hidden by the community; flagged as abusive (2), trolling (2), spam (1).");
  await openUntil(page, UNCOUNTED.path, async () => (await why.count()) === 1);
  const badge = ownBox(commentWithText(page, good.body)).getByText(INSIGHTFUL_SENTENCE);
  await expect(badge).toBeVisible();
  await expect(ownBox(hidden)).toBeHidden();
  await hidden.locator(":scope > details.flagged > summary").click();
  await expect(ownBox(hidden)).toContainText(bad.body);
});

test("a signed-out visitor may rate; the own-comment rule and the flag withdrawal hold", async ({ page, browser, baseURL }) => {
  const { body } = await authorWithComment(page, "Open to all");
  const visitorContext = await newBrowserContext(browser, baseURL);
  const visitor = await visitorContext.newPage();
  const comment = await openComment(visitor, body);
  await pressRatingControl(comment.getByRole("button", { name: RATE_FUNNY, exact: true }));
  await expect(comment.getByRole("button", { name: RATED_FUNNY, exact: true })).toBeVisible();
  await comment.getByText("Flag", { exact: true }).click();
  await pressRatingControl(comment.getByRole("button", { name: "Flag as spam", exact: true }));
  await expect(comment.getByRole("button", { name: FLAGGED, exact: true })).toBeVisible();
  await pressRatingControl(comment.getByRole("button", { name: FLAGGED, exact: true }));
  await expect(comment.locator(".action--flag[aria-expanded]")).toHaveAccessibleName(FLAG);
  await visitor.reload();
  const again = commentWithText(visitor, body);
  await expect(again.getByRole("button", { name: RATED_FUNNY, exact: true })).toBeVisible();
  await expect(again.getByRole("button", { name: FLAGGED, exact: true })).toHaveCount(0);
  await visitorContext.close();
});

test.describe("without JavaScript", () => {
  test("rating posts a form and lands on the comment in the article, showing the new state", async ({ page, browser, baseURL }) => {
    const { body } = await authorWithComment(page, "No script needed");
    const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
    const reader = await context.newPage();
    const comment = await openComment(reader, body);
    const anchor = await comment.getAttribute("id");
    await comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true }).click();
    await expect(reader).toHaveURL(new RegExp(`${UNCOUNTED.path}#${anchor}$`));
    await expect(comment.getByRole("button", { name: RATED_INSIGHTFUL, exact: true })).toBeVisible();
    // Using it again withdraws it, and lands on the comment again.
    await comment.getByRole("button", { name: RATED_INSIGHTFUL, exact: true }).click();
    await expect(reader).toHaveURL(new RegExp(`${UNCOUNTED.path}#${anchor}$`));
    await expect(comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true })).toBeVisible();
    // Flagging: "Flag" leads to the comment's rating page, whose <details> opens without script;
    // the reason is a button, and the answer lands on the comment again.
    await comment.getByRole("link", { name: FLAG, exact: true }).click();
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Rate a comment");
    await reader.getByText("Flag", { exact: true }).click();
    await reader.getByRole("button", { name: "Flag as trolling", exact: true }).click();
    await expect(reader).toHaveURL(new RegExp(`${UNCOUNTED.path}#${anchor}$`));
    await expect(comment.getByRole("button", { name: FLAGGED, exact: true })).toBeVisible();
    await context.close();
  });
});

test("the controls carry the names a screen reader announces", async ({ page }) => {
  const { body } = await authorWithComment(page, "Named controls");
  await page.context().clearCookies();
  const comment = await openComment(page, body);
  await expect(comment.getByRole("button", { name: RATE_INSIGHTFUL, exact: true })).toBeVisible();
  await expect(comment.getByRole("button", { name: RATE_FUNNY, exact: true })).toBeVisible();
  // The word shown is part of the name, so a reader who says what they see reaches the control.
  const flag = comment.locator(".action--flag[aria-expanded]");
  await expect(flag).toHaveText("Flag");
  await expect(flag).toHaveAccessibleName(FLAG);
});

test("a badge shows on the comment, in its author's profile and in the article's comment feed", async ({ page, request }) => {
  await page.goto(FLAGSHIP_PATH);
  const badged = realComments(page)
    .filter({ has: page.locator(":scope > .comment__box .badge--insightful") })
    .filter({ has: page.locator(":scope > .comment__box a.comment__author") })
    .first();
  const id = (await badged.getAttribute("id"))!.slice("comment-".length);
  const profile = (await ownBox(badged).locator("a.comment__author").getAttribute("href"))!;

  await page.goto(profile);
  const item = page.locator("li").filter({ has: page.locator(`a[href="/comments/${id}"]`) });
  await expect(item.getByText(INSIGHTFUL_SENTENCE)).toBeVisible();

  const feed = parseXml(await (await request.get(`${FLAGSHIP_PATH}/feed.xml`)).text());
  const items = asArray((feed.rss as { channel: { item: unknown } }).channel.item) as { guid: unknown; description: unknown }[];
  const entry = items.find((i) => textOf(i.guid).endsWith(`/comments/${id}`));
  expect(entry, "the badged comment is in the feed").toBeTruthy();
  expect(textOf(entry!.description)).toContain(INSIGHTFUL_SENTENCE);
});
