// Shared helpers for the end-to-end specs. The specs read the site as a visitor does: they
// start from what the pages show and only use the demo data (prisma/demo) to know where the
// flagship discussion lives.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FLAGSHIP_SLUG, demoArticles } from "../prisma/demo";
import { linkIn, mailsTo, waitForMail } from "./mail";
import { closeMemberDb, createAndSignIn, createMember } from "./members";

export { FLAGSHIP_SLUG };
export const FLAGSHIP_PATH = `/articles/${FLAGSHIP_SLUG}`;

const flagship = demoArticles.find((a) => a.slug === FLAGSHIP_SLUG);
if (!flagship) throw new Error(`The demo content has no article ${FLAGSHIP_SLUG}`);
export const FLAGSHIP_TITLE = flagship.title;

export const INSIGHTFUL_SENTENCE = "This comment has been deemed insightful by the community.";
export const FUNNY_SENTENCE = "This comment has been deemed funny by the community.";
export const FLAGGED_SUMMARY = "This comment has been flagged by the community. Click here to show it.";
export const NOT_FOUND_HEADING = "Page not found";

/** The discussion section under an article. */
export function thread(page: Page): Locator {
  return page.locator("section#comments");
}

/** Every comment of the thread itself (the First/Last Word boxes repeat a comment outside it). */
export function threadComments(page: Page): Locator {
  return thread(page).locator("li.comment");
}

/** Comments that show a comment (published or hidden), not a "deleted"/"removed" tombstone. */
export function realComments(page: Page): Locator {
  return threadComments(page).filter({ hasNot: page.locator(":scope > .comment__box .comment__tombstone") });
}

/** A comment's own box (subject, byline, body), not its replies; inside <details> when flagged. */
export function ownBox(comment: Locator): Locator {
  return comment.locator(":scope > .comment__box, :scope > details > .comment__box");
}

/** The flagged comment of the flagship thread: the <li> holding the collapsed <details>. */
export function flaggedComment(page: Page): Locator {
  return threadComments(page).filter({ has: page.locator(":scope > details.flagged > summary", { hasText: FLAGGED_SUMMARY }) });
}

/** Opens the home page and follows the flagship article's title link, as a reader would. */
export async function openFlagshipFromHome(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: FLAGSHIP_TITLE, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${FLAGSHIP_PATH}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FLAGSHIP_TITLE);
}

/**
 * Runs axe on the page as it is now and fails with a readable list when it finds serious or
 * critical violations. `mustCheck` rules must have been applied (passed, violated or left
 * incomplete), so a page on which, say, color-contrast found nothing to test cannot pass it.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string, mustCheck: string[] = ["color-contrast"]): Promise<void> {
  await titled(page, what);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = axeReport(serious);
  expect(serious, `axe found serious/critical violations on ${what}:\n\n${report}`).toEqual([]);
  const applied = new Set([...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id));
  for (const rule of mustCheck) expect(applied.has(rule), `axe applied ${rule} on ${what}`).toBe(true);
}

/**
 * After a client-side navigation (a form's action that redirects, a link) Next puts the new
 * page's <title> in once its metadata has streamed in, a moment after the page's content: axe run
 * in between found "no <title>" (CI, accounts-verify, once). Every page here has a title, so the
 * audit waits for it; a page without one still fails, here, by name.
 */
async function titled(page: Page, what: string): Promise<void> {
  await expect(page, `${what} has a <title>`).toHaveTitle(/\S/);
}

type AxeViolations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

/** Violations as a test failure shows them: rule, help and the first few elements at fault. */
function axeReport(violations: AxeViolations): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`)
        .join("\n");
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n  ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

/**
 * The stricter check: axe with no violation of any impact, and with `target-size` (WCAG 2.2's
 * 24 × 24 px minimum, which axe-core ships switched off) run too. `mustCheck` as above.
 */
export async function expectNoA11yViolations(page: Page, what: string, mustCheck: string[] = ["color-contrast", "target-size"]): Promise<void> {
  await titled(page, what);
  const results = await new AxeBuilder({ page }).options({ rules: { "target-size": { enabled: true } } }).analyze();
  const report = axeReport(results.violations);
  expect(results.violations, `axe found violations on ${what}:\n\n${report}`).toEqual([]);
  const applied = new Set([...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id));
  for (const rule of mustCheck) expect(applied.has(rule), `axe applied ${rule} on ${what}`).toBe(true);
}

// Values stay strings (a title such as "404" must not turn into a number).
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, parseAttributeValue: false });

/** Parses XML text after checking it is well-formed (the parser alone is lenient). */
export function parseXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  expect(valid, `not well-formed XML: ${JSON.stringify(valid)}`).toBe(true);
  return xml.parse(text) as Record<string, unknown>;
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Text of an element that may carry attributes (`{ "#text": ..., "@_attr": ... }`). */
export function textOf(value: unknown): string {
  if (value && typeof value === "object" && "#text" in value) return String((value as { "#text": unknown })["#text"]);
  return value === undefined || value === null ? "" : String(value);
}

// ---------------------------------------------------------------------------------------------
// Accounts: members, the header's account menu, forms and their field errors.

/** A fresh suffix for emails and handles: specs run in parallel and share one database. */
let uniqueCounter = 0;
export function uniqueSuffix(): string {
  const random = randomBytes(3).toString("hex");
  return `${Date.now().toString(36)}${(uniqueCounter++).toString(36)}${random}`;
}

/**
 * A network (IPv4 /24, "a.b.c") no other call in this run gets: limits count per network as well
 * as per address (sign-in failures, comment flood limits), and a banned poster's network is held
 * for review, so tests must not share one by chance. Playwright numbers its worker processes
 * (TEST_WORKER_INDEX, never reused within a run): each takes its own block of networks.
 */
let networksTaken = 0;
export function uniqueNetwork(): string {
  const n = Number(process.env.TEST_WORKER_INDEX ?? 0) * 8192 + networksTaken++;
  return `${10 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/** A client address for X-Forwarded-For, in a network of its own (uniqueNetwork). */
export function uniqueIp(): string {
  const host = randomBytes(1)[0];
  return `${uniqueNetwork()}.${host === 0 || host === 255 ? 7 : host}`;
}

export type Member = { name: string; handle: string; email: string; password: string };

/** A member not yet registered. The name is short, so the handle derived from it is `ada_<suffix>`. */
export function newMember(): Member {
  const suffix = uniqueSuffix();
  return { name: `Ada ${suffix}`, handle: `m_${suffix}`, email: `ada.${suffix}@example.test`, password: `pw-${suffix}-long-enough` };
}

/**
 * The test, with every browser context it opens sending its own X-Forwarded-For, so the sign-in
 * failures of one test never count against another's (the per-IP limit is 20 in 15 minutes).
 */
export const test = base.extend<object, { memberMaker: void }>({
  // (Playwright's `use`, named so that React's hook lint rule leaves it alone.)
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": uniqueIp() });
  },
  // As the worker ends, the process that made its members (e2e/members.ts), if any, closes its
  // database connection and exits.
  memberMaker: [
    async ({}, provide) => {
      await provide();
      await closeMemberDb();
    },
    { scope: "worker", auto: true },
  ],
});

/** Another browser (a second device): a fresh context with its own client address. */
export async function newBrowserContext(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL, javaScriptEnabled: true, ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp(), ...options.extraHTTPHeaders } });
}

/**
 * The hidden inputs of a form (the article it belongs to, the fields React adds so a server
 * action works without JavaScript), read from the page as a browser without JavaScript gets it:
 * what a script posting the form must send besides the typed fields.
 */
export async function hiddenFieldsOf(browser: Browser, baseURL: string | undefined, path: string, form: (page: Page) => Locator): Promise<Record<string, string>> {
  const context = await newBrowserContext(browser, baseURL, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(path);
    const target = form(page);
    await expect(target).toHaveAttribute("method", /post/i);
    const hidden = await target.locator('input[type="hidden"]').evaluateAll((els) => els.map((el) => [(el as HTMLInputElement).name, (el as HTMLInputElement).value]));
    return Object.fromEntries(hidden);
  } finally {
    await context.close();
  }
}

/** The site header (where the account menu lives). */
export function siteHeader(page: Page): Locator {
  return page.getByRole("banner");
}

/** The header shows the member signed in: their name links to their profile. */
export async function expectSignedInAs(page: Page, member: Pick<Member, "name" | "handle">): Promise<void> {
  const header = siteHeader(page);
  await expect(header.getByRole("link", { name: member.name, exact: true })).toHaveAttribute("href", `/users/${member.handle}`);
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toHaveCount(0);
}

/** The header offers "Sign in" and "Register" and no "Sign out". */
export async function expectSignedOut(page: Page): Promise<void> {
  const header = siteHeader(page);
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(header.getByRole("link", { name: "Register", exact: true })).toBeVisible();
  await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
}

/** A form-wide message (role="alert", or role="status" for a success), told apart from Next's route announcer by its text. */
export function formAlert(page: Page, text: string | RegExp): Locator {
  return page.getByRole("alert").filter({ hasText: text });
}

/**
 * Clicks a form's submit button and waits until the server has answered the POST (a server
 * action with JavaScript, a page load without): the action has run by then. Two answers in a row
 * can show the same message, so "the message is visible" alone would not tell that the second
 * one has arrived.
 */
export async function submit(page: Page, button: Locator): Promise<void> {
  const origin = new URL(page.url()).origin;
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(origin));
  await button.click();
  await answered;
}

/**
 * Uses a rating or flag control under a comment and waits for the site to confirm it. The control
 * changes at once, before the write lands, so a reload or a moderator's next page taken on that
 * sign alone can outrun the write.
 */
export async function pressRatingControl(button: Locator): Promise<void> {
  const page = button.page();
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && /\/api\/comments\/[^/]+\/rating$/.test(new URL(r.url()).pathname));
  await button.click();
  const answer = await answered;
  expect(answer.status(), "the site accepted the rating").toBe(200);
}

/** The field is marked invalid and its error text (wired up with aria-describedby) is shown. */
export async function expectFieldError(field: Locator, message: string): Promise<void> {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/);
  const errorId = ids.find((id) => id.endsWith("-error"));
  expect(errorId, "the field points at its error text").toBeTruthy();
  const error = field.page().locator(`[id="${errorId}"]`);
  await expect(error).toBeVisible();
  await expect(error).toHaveText(message);
}

export async function expectNoFieldError(field: Locator): Promise<void> {
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
}

/** Fills the register form (a blank handle is left blank) and submits it. */
export async function fillRegisterForm(page: Page, member: Member, { handle = member.handle }: { handle?: string } = {}): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(member.name);
  await page.getByLabel("Handle", { exact: true }).fill(handle);
  await page.getByLabel("Email", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
}

/** The page every registration ends on, new address or not (nobody is signed in by registering). */
export const CHECK_YOUR_EMAIL_HEADING = "Check your email";

/** The newest confirmation link mailed to the address (newest: an address can register again after its account was deleted). */
export async function confirmationLink(email: string): Promise<string> {
  const subject = /^Confirm your email address/;
  await waitForMail(email, subject);
  return linkIn(mailsTo(email).filter((m) => subject.test(m.subject)).at(-1)!, "/verify-email");
}

/** Follows the newest confirmation link mailed to the address (e2e/mail.ts) on `page`, as its owner would. */
export async function confirmEmailFromMail(page: Page, email: string): Promise<void> {
  await page.goto(await confirmationLink(email));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your email address is verified");
}

/**
 * Registers through /register (with the given callbackUrl), confirms the address with the mailed
 * link (a plain request, as a mail client's preview would make: cheaper than a tab, and the
 * specs of the confirmation page itself use confirmEmailFromMail), then signs in with the "Sign in"
 * link of the "Check your email" page and waits to land on callbackUrl. Header checks are left to
 * the caller. For the specs of registration and its pages; others make members with
 * registerConfirmAndSignIn, seconds faster.
 */
export async function registerThroughUi(page: Page, member: Member, callbackUrl = "/"): Promise<void> {
  await page.goto(`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await fillRegisterForm(page, member);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
  const confirmed = await page.context().request.get(await confirmationLink(member.email));
  expect(await confirmed.text(), "the mailed link confirms the address").toContain("Your email address is verified");
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  await submitSignIn(page, member.email, member.password);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === callbackUrl);
}

/** Registers through the pages and confirms the address (registerThroughUi), landing on callbackUrl signed in. */
export async function registerThroughForm(page: Page, member: Member, callbackUrl = "/"): Promise<void> {
  await registerThroughUi(page, member, callbackUrl);
  await expectSignedInAs(page, member);
}

/**
 * Leaves the member as registering, confirming the mailed link and signing in would, without the
 * pages (e2e/members.ts): the account is made in the database with its address verified (brand
 * new, so "new" trust, as through the form) and the page's browser context is signed in with one
 * POST of the sign-in form (a member signed in before reuses their session), then opens
 * callbackUrl. Header checks are left to the caller. Registration's own specs use registerThroughUi.
 */
export async function registerConfirmAndSignIn(page: Page, member: Member, callbackUrl = "/"): Promise<void> {
  await createAndSignIn(page, member, callbackUrl);
}

/** registerConfirmAndSignIn, then the header shows the member: for specs about what a member does, not how they registered. */
export async function createMemberAndSignIn(page: Page, member: Member, callbackUrl = "/"): Promise<void> {
  await registerConfirmAndSignIn(page, member, callbackUrl);
  await expectSignedInAs(page, member);
}

/** Fills and submits the sign-in form of the current page. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await submit(page, page.getByRole("main").getByRole("button", { name: "Sign in", exact: true }));
}

/** Signs out with the header's button and waits for the signed-out header. */
export async function signOutFromHeader(page: Page): Promise<void> {
  await siteHeader(page).getByRole("button", { name: "Sign out" }).click();
  await expectSignedOut(page);
}

/** What /api/viewer says about the browser context's session. */
export async function viewerOf(context: BrowserContext, baseURL: string | undefined): Promise<{ signedIn: boolean; handle?: string; name?: string; role?: string }> {
  const response = await context.request.get(new URL("/api/viewer", baseURL).toString());
  expect(response.status()).toBe(200);
  return (await response.json()) as { signedIn: boolean; handle?: string; name?: string; role?: string };
}

/** `npm run admin -- …` against the e2e database (scripts/e2e.ts passes its DATABASE_URL down). */
export function adminCli(...args: string[]): string {
  return execFileSync("npx", ["tsx", "scripts/admin.ts", ...args], { env: process.env, cwd: process.cwd(), encoding: "utf8", stdio: "pipe" });
}

/** A member in the given role, made as `npm run admin -- create-user --role` would (e2e/members.ts). */
export async function memberWithRole(role: string): Promise<Member> {
  const member = newMember();
  await createMember(member, { role });
  return member;
}

/** Signs in through /signin and waits until the header shows the member. */
export async function signInAs(page: Page, member: Member): Promise<void> {
  await page.goto("/signin");
  await submitSignIn(page, member.email, member.password);
  await expectSignedInAs(page, member);
}

/**
 * Values of the fresh-view cookie that a write to an article's discussion leaves
 * (e2e/tasks/fresh-cookie.ts), one for each `slug` or `slug@seconds from now`, made in one run.
 * They last seconds: use them at once.
 */
export function freshCookiesFor(...targets: string[]): string[] {
  return execFileSync("npx", ["tsx", "e2e/tasks/fresh-cookie.ts", ...targets], { env: process.env, cwd: process.cwd(), encoding: "utf8" }).trim().split("\n");
}

export const freshCookieFor = (slug: string): string => freshCookiesFor(slug)[0];
