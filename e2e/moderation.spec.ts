// Moderation as moderators and readers meet it: /moderation is for moderators only; the queue
// shows hidden comments with their flags; approving puts a comment back in its thread, removing
// leaves the reason in its place, banning lists the author; every decision is in the log.
// Decisions are taken on comments each test makes and hides itself (e2e/tasks): the demo's
// flagged comment must stay hidden for other specs, so it is only looked at.
import { expect, type Locator, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { FLAGSHIP_SLUG, demoArticles } from "../prisma/demo";
import { commentWithText } from "./comments-helpers";
import { createMember } from "./members";
import {
  type Member,
  createMemberAndSignIn,
  expectFieldError,
  expectSignedInAs,
  newBrowserContext,
  newMember,
  siteHeader,
  submit,
  submitSignIn,
  test,
  thread,
} from "./fixtures";

// Each command-line run and task starts tsx and opens the database: give them time.
test.describe.configure({ timeout: 90_000 });

const FOR_MODERATORS = "This page is for moderators.";

const demoFlagged = demoArticles.find((a) => a.slug === FLAGSHIP_SLUG)!.comments.find((c) => c.hidden);
if (!demoFlagged?.subject) throw new Error("The demo flagship has no hidden comment with a subject");

function runTask(script: string, ...args: string[]): Record<string, string> {
  const out = execFileSync("npx", ["tsx", `e2e/tasks/${script}`, ...args], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Record<string, string>;
}

async function createWithRole(member: Member, role: string): Promise<Member> {
  await createMember(member, { role });
  return member;
}

/** A member's comment on the oldest article (no spec counts its comments), hidden by community flags. */
function hiddenComment(author: Member, label: string): { body: string; slug: string } {
  const body = `${label} ${author.handle}: a comment the community flagged`;
  const { commentId, slug } = runTask("add-comment.ts", author.handle, label, body);
  runTask("hide-comment.ts", commentId);
  return { body, slug };
}

async function signInAsModerator(page: Page): Promise<Member> {
  const moderator = await createWithRole(newMember(), "moderator");
  await page.goto("/signin");
  await submitSignIn(page, moderator.email, moderator.password);
  await expectSignedInAs(page, moderator);
  await siteHeader(page).getByRole("link", { name: "Moderation" }).click();
  await expect(page).toHaveURL(/\/moderation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderation");
  return moderator;
}

/** A queued comment's entry, found by its text. */
function queued(page: Page, text: string): Locator {
  return page.locator("#queue").getByRole("article").filter({ hasText: text });
}

/** The value next to a label in an entry's facts ("Status", "Flag weight", "Reasons", …). */
function fact(entry: Locator, term: string): Locator {
  return entry.locator(`xpath=.//dt[normalize-space()="${term}"]/following-sibling::dd[1]`);
}

/** The log's row for a decision, found by its reason. */
function logRow(page: Page, reason: string): Locator {
  return page.locator("#log").getByRole("row").filter({ hasText: reason });
}

test("readers get no moderation page or link; visitors are sent to sign in", async ({ page, browser, baseURL }) => {
  await createMemberAndSignIn(page, newMember());
  await expect(siteHeader(page).getByRole("link", { name: "Moderation" })).toHaveCount(0);
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderation");
  await expect(page.getByRole("main")).toContainText(FOR_MODERATORS);
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Approve|Remove|Ban/ })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText(demoFlagged.subject!);

  const visitor = await newBrowserContext(browser, baseURL);
  try {
    const p = await visitor.newPage();
    await p.goto("/moderation");
    await expect(p).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/moderation");
  } finally {
    await visitor.close();
  }
});

test("a moderator sees the demo's flagged comment in the queue with its weight, reasons and flaggers", async ({ page }) => {
  await signInAsModerator(page);
  const entry = queued(page, demoFlagged.subject!);
  await expect(entry).toHaveCount(1);
  await expect(fact(entry, "Status")).toHaveText("Hidden by the community");
  // Other specs may flag it further; the demo's own flags weigh 5.
  expect(Number(await fact(entry, "Flag weight").innerText())).toBeGreaterThanOrEqual(5);
  await expect(fact(entry, "Reasons")).toContainText(/trolling \(\d+\)/);
  await expect(fact(entry, "Reasons")).toContainText(/spam \(\d+\)/);
  await expect(fact(entry, "Flagged by")).toContainText(/\d+ visitors?/);
  await expect(fact(entry, "Flagged by")).toContainText(/\d+ members?/);
  await expect(entry.getByRole("link", { name: "Permalink" })).toHaveAttribute("href", /^\/comments\/[\w-]+$/);
  for (const name of ["Approve", "Remove"]) await expect(entry.getByRole("button", { name, exact: true })).toBeVisible();
  await expect(entry.getByLabel("Reason for removal")).toBeVisible();
  // Demo comments were never posted from a browser: there is no visitor key to ban.
  await expect(entry).toContainText("This comment carries no visitor key, so its poster cannot be banned.");
});

test("a moderator approves a hidden comment: it is back in its thread and the log says who and why", async ({ page }) => {
  const { body, slug } = hiddenComment(await createWithRole(newMember(), "reader"), "Approve me");
  const moderator = await signInAsModerator(page);
  const entry = queued(page, body);
  await expect(fact(entry, "Status")).toHaveText("Hidden by the community");
  await expect(fact(entry, "Flag weight")).toHaveText("5");
  await expect(fact(entry, "Reasons")).toHaveText("abusive (1), spam (3)");
  await expect(fact(entry, "Flagged by")).toHaveText("3 visitors, 1 member");

  const note = `Sharp, not abusive ${moderator.handle}`;
  await entry.getByLabel("Note for the log (optional)").fill(note);
  await submit(page, entry.getByRole("button", { name: "Approve", exact: true }));
  await expect(page.getByRole("status").filter({ hasText: "Approved. The comment is back in its thread." })).toBeVisible();
  await expect(queued(page, body)).toHaveCount(0);
  await expect(logRow(page, note)).toContainText(moderator.name);
  await expect(logRow(page, note)).toContainText("Approved a comment");

  // The moderator's very next view shows the decision (lib/cache/fresh-view.ts), even though the
  // queue's links to the article were prefetched meanwhile (e2e/fresh-view.spec.ts).
  await page.goto(`/articles/${slug}`);
  const comment = commentWithText(page, body);
  await expect(comment).toHaveCount(1);
  await expect(comment.locator(":scope > details.flagged")).toHaveCount(0);
  await expect(comment.getByText(body)).toBeVisible();
});

test("a moderator removes a comment with a reason, which readers then see in its place", async ({ page }) => {
  const { body, slug } = hiddenComment(await createWithRole(newMember(), "reader"), "Remove me");
  const moderator = await signInAsModerator(page);
  const entry = queued(page, body);

  // No reason, no removal: the field says so and the comment stays queued.
  await submit(page, entry.getByRole("button", { name: "Remove", exact: true }));
  await expectFieldError(entry.getByLabel("Reason for removal"), "Say why the comment is removed; readers will see it.");
  await expect(queued(page, body)).toHaveCount(1);

  const reason = `Personal attack ${moderator.handle}`;
  await entry.getByLabel("Reason for removal").fill(reason);
  await submit(page, entry.getByRole("button", { name: "Remove", exact: true }));
  await expect(page.getByRole("status").filter({ hasText: "Removed. Readers now see the reason in its place." })).toBeVisible();
  await expect(queued(page, body)).toHaveCount(0);
  await expect(logRow(page, reason)).toContainText(moderator.name);
  await expect(logRow(page, reason)).toContainText("Removed a comment");

  await page.goto(`/articles/${slug}`);
  await expect(thread(page).getByText(`This comment was removed by a moderator: ${reason}`, { exact: true })).toBeVisible();
  await expect(thread(page).getByText(body)).toHaveCount(0);
});

test("a moderator bans a comment's author and lifts the ban; both are in the log", async ({ page }) => {
  const author = await createWithRole(newMember(), "reader");
  const { body } = hiddenComment(author, "Ban me");
  const moderator = await signInAsModerator(page);
  const reason = `Serial abuse ${moderator.handle}`;
  const entry = queued(page, body);
  // The ban, the heaviest decision, is folded under its own summary.
  await entry.getByText("Ban the author…", { exact: true }).click();
  await entry.getByLabel("Reason for the ban").fill(reason);
  await submit(page, entry.getByRole("button", { name: "Ban the author", exact: true }));
  await expect(page.getByRole("status").filter({ hasText: "Banned. The author can no longer post comments." })).toBeVisible();
  // The comment itself still waits for a decision; its author is marked banned.
  await expect(fact(queued(page, body), "Author")).toContainText(`${author.name} (banned)`);
  await expect(queued(page, body).getByRole("button", { name: "Ban the author" })).toHaveCount(0);
  await expect(logRow(page, reason)).toContainText("Banned a member");
  await expect(logRow(page, reason)).toContainText(author.name);

  const lift = page.locator("#bans").getByRole("button", { name: `Lift the ban on ${author.name} (@${author.handle})` });
  await submit(page, lift);
  await expect(page.getByRole("status").filter({ hasText: "Ban lifted. They can post again." })).toBeVisible();
  await expect(lift).toHaveCount(0);
  await expect(page.locator("#log").getByRole("row").filter({ hasText: "Lifted a member's ban" }).filter({ hasText: author.name })).toHaveCount(1);
});
