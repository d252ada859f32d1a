// Helpers for the commenting specs (e2e/comments*.spec.ts): which demo article each test posts
// on, the comment form, and the thread as a reader sees it.
//
// Specs run in parallel against one database, and some of them count an article's comments. So
// every commenting test that counts gets an article of its own, none of them the flagship (whose
// comments other specs count) or the oldest published article (e2e/tasks/add-comment.ts puts
// comments there).
import { expect as baseExpect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { FLAGSHIP_SLUG, demoArticles } from "../prisma/demo";
import { newBrowserContext, registerConfirmAndSignIn, ownBox, siteHeader, thread, threadComments, uniqueSuffix, type Member } from "./fixtures";

// The machine running the suite may be busy (several suites, two CPUs): give pages time.
export const expect = baseExpect.configure({ timeout: 15_000 });

export type DemoArticleRef = { slug: string; title: string; path: string };

const published = demoArticles
  .filter((a): a is typeof a & { hoursAgo: number } => a.hoursAgo !== null)
  .sort((a, b) => a.hoursAgo - b.hoursAgo);
const oldest = published[published.length - 1];
const pool: DemoArticleRef[] = published
  .filter((a) => a.slug !== FLAGSHIP_SLUG && a.slug !== oldest.slug && a.comments.length > 0)
  .map((a) => ({ slug: a.slug, title: a.title, path: `/articles/${a.slug}` }));

function pick(index: number): DemoArticleRef {
  const article = pool[index];
  if (!article) throw new Error(`The demo content has too few articles for the commenting specs (wanted #${index}).`);
  return article;
}

/** The article e2e/tasks/add-comment.ts posts on: for tests that post but never count. */
export const UNCOUNTED: DemoArticleRef = { slug: oldest.slug, title: oldest.title, path: `/articles/${oldest.slug}` };

/**
 * One article per test that counts comments. The first nine are newest, so they are on the
 * first page of the front page (ten a page, the flagship among them).
 */
export const ARTICLES = {
  memberPost: pick(0),
  replies: pick(1),
  anonymous: pick(2),
  preview: pick(3),
  held: pick(4),
  badInput: pick(5),
  // No other spec writes to it: e2e/http-caching.spec.ts compares its validators before and after a comment.
  httpCaching: pick(6),
  duplicate: pick(7),
  xss: pick(8),
  noJs: pick(9),
  flood: pick(10),
} as const;

export const POSTED = "Your comment is posted.";
export const HELD = "Thanks. Your comment has more than two links, so it is held for a moderator to review before it appears.";
export const CORRECT_FIELDS = "Please correct the highlighted fields.";
export const TOO_FAST = /^You are posting too fast\. Please wait (\d+) seconds? and try again; your comment is still here\.$/;
export const TAG_TITLE = "Same tag, same anonymous poster on this article";

/** "N Comments" / "1 Comment", as the page and the front page word it. */
export const countLabel = (n: number) => `${n} ${n === 1 ? "Comment" : "Comments"}`;

/** The form under the article ("Leave a comment"). */
export function commentForm(page: Page): Locator {
  return page.locator("section#leave-a-comment form");
}

export type CommentFields = { subject?: string; body?: string; name?: string; email?: string; website?: string };

export function formFields(form: Locator) {
  return {
    subject: form.getByLabel("Subject", { exact: true }),
    body: form.getByLabel("Comment", { exact: true }),
    name: form.getByLabel("Name", { exact: true }),
    email: form.getByLabel("Email *", { exact: true }),
    website: form.getByLabel("Website", { exact: true }),
    post: form.getByRole("button", { name: "Post comment" }),
    preview: form.getByRole("button", { name: "Preview" }),
  };
}

/** Fills the given fields of a comment form (fields left undefined are not touched). */
export async function fillCommentForm(form: Locator, values: CommentFields): Promise<void> {
  const f = formFields(form);
  for (const key of ["subject", "body", "name", "email", "website"] as const) {
    const value = values[key];
    if (value !== undefined) await f[key].fill(value);
  }
}

/**
 * Waits until the article page is interactive: "Reply" turns from a link into a button once the
 * page has hydrated (before that, a post would go the no-JavaScript way).
 */
export async function waitUntilInteractive(page: Page): Promise<void> {
  await expect(thread(page).getByRole("button", { name: "Reply" }).first()).toBeVisible();
}

/** Opens an article as a signed-out visitor and waits until its form can post in place. */
export async function openArticle(page: Page, article: DemoArticleRef): Promise<void> {
  await page.goto(article.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
  await waitUntilInteractive(page);
}

/** Opens an article as a member and waits until the form knows who is signed in. */
export async function openArticleAsMember(page: Page, article: DemoArticleRef, name: string): Promise<void> {
  await openArticle(page, article);
  await expect(commentForm(page).getByText(`Signed in as ${name}.`, { exact: true })).toBeVisible();
}

/** The card of an article on the front page's first page. */
export function homeCard(page: Page, article: DemoArticleRef): Locator {
  return page.getByRole("main").getByRole("article").filter({ has: page.getByRole("heading", { level: 2, name: article.title, exact: true }) });
}

/** The comment count on the article's front-page card (opens the front page). */
export async function homeCardCount(page: Page, article: DemoArticleRef): Promise<number> {
  await page.goto("/");
  const link = homeCard(page, article).getByRole("link", { name: /^\d+ Comments?$/ });
  await expect(link).toHaveAttribute("href", `${article.path}#comments`);
  return parseInt(await link.innerText(), 10);
}

/** The "N Comments" heading above the thread. */
export function countHeading(page: Page): Locator {
  return page.locator("#comments-heading");
}

export async function headingCount(page: Page): Promise<number> {
  const text = await countHeading(page).innerText();
  expect(text).toMatch(/^\d+ Comments?$/);
  return parseInt(text, 10);
}

/** The thread's comment whose own box (not its replies) contains the text. */
export function commentWithText(page: Page, text: string): Locator {
  return threadComments(page).filter({ has: page.locator(":scope > .comment__box, :scope > details > .comment__box", { hasText: text }) });
}

/** A comment's own action line with its reply form (not those of the replies under it). */
export function replyControl(comment: Locator): Locator {
  return comment.locator(":scope > .comment-actions, :scope > details > .comment-actions");
}

/** The "⋯" menu's button on a comment's action line (once interactive), named "More actions for this comment". */
export function moreActions(comment: Locator): Locator {
  return replyControl(comment).locator(".action--more[aria-expanded][aria-label='More actions for this comment']");
}

/**
 * The "⋯" of a comment's action line before JavaScript (or without it): a link to the comment's
 * actions page, which holds the menu's choices as links and forms.
 */
export function moreActionsLink(comment: Locator): Locator {
  return replyControl(comment).getByRole("link", { name: "More actions for this comment", exact: true });
}

/** The id in `comment-<id>` of a comment's <li>. */
export async function commentIdOf(comment: Locator): Promise<string> {
  const id = await comment.getAttribute("id");
  expect(id).toMatch(/^comment-[\w-]+$/);
  return id!.slice("comment-".length);
}

/** The byline of a comment's own box. */
export function byline(comment: Locator): Locator {
  return ownBox(comment).locator(".comment__byline");
}

/** Clicks "Post comment" and waits for the server's answer to the POST. */
export async function clickAndWaitForPost(page: Page, button: Locator): Promise<void> {
  const origin = new URL(page.url()).origin;
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(origin));
  await button.click();
  await answered;
  // The answer arriving is not the form showing it: until React commits the action's result (and
  // resets the fields to the values it kept), a field typed into next would be overwritten, and
  // an error message left from the previous try would pass for this one's. A pending form's
  // submit button is aria-disabled (components/forms/submit-button.tsx).
  await page.waitForFunction(() => !document.querySelector('button[type="submit"][aria-disabled="true"]'));
}

/** The success message of a form (role="status"). */
export function statusMessage(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.getByRole("status").filter({ hasText: text });
}

/** A fresh email address for an anonymous poster. */
export function anonEmail(): string {
  return `anon.${uniqueSuffix()}@example.test`;
}

/** A second browser (another visitor) with its own address. */
export async function anotherVisitor(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newBrowserContext(browser, baseURL, options);
  return { context, page: await context.newPage() };
}

/** Escapes text for use in a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The member registered, confirmed and signed in (registerConfirmAndSignIn: made in the database,
 * signed in with one request), on the front page: the header links the member's profile under
 * their name, as text (the name may look like markup).
 */
export async function registerMember(page: Page, member: Member): Promise<void> {
  await registerConfirmAndSignIn(page, member, "/");
  const profileLink = siteHeader(page).locator(`a[href="/users/${member.handle}"]`);
  await expect(profileLink).toHaveCount(1);
  expect(await profileLink.evaluate((el) => el.textContent)).toBe(member.name);
  await expect(siteHeader(page).getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Posts a top-level comment on an article through POST /api/comments as whoever the page's
 * browser is signed in as (the page must have loaded the site, for the Origin), and returns its id.
 */
/** The article's id, as its page's comment form carries it (what a script posting to the API would read). */
export async function articleIdOf(request: APIRequestContext, article: DemoArticleRef): Promise<string> {
  const html = await (await request.get(article.path)).text();
  const id = /name="articleId" value="([^"]+)"/.exec(html)?.[1];
  expect(id, "the article page carries its id in the comment form").toBeTruthy();
  return id!;
}

export async function postViaApi(page: Page, article: DemoArticleRef, fields: { subject?: string; body: string; anonEmail?: string }): Promise<string> {
  const articleId = await articleIdOf(page.request, article);
  const response = await page.request.post("/api/comments", { data: { articleId, ...fields } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Opens `path` until `ready` holds: how another reader sees a write. The cached page is rebuilt
 * at once and again two seconds later (lib/cache/revalidate.ts), so it catches up within seconds.
 */
export async function openUntil(page: Page, path: string, ready: () => Promise<boolean>): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(path);
        return ready();
      },
      { timeout: 10_000, intervals: [500, 1000, 1000] },
    )
    .toBe(true);
}

/** Opens the article from its front-page card, as a reader would. */
export async function openFromHome(page: Page, article: DemoArticleRef): Promise<void> {
  await page.goto("/");
  await homeCard(page, article).getByRole("link", { name: article.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(article.path)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
  await waitUntilInteractive(page);
}

/** Posts from the article's main form with JavaScript and returns the new comment's <li>. */
export async function postTopLevel(page: Page, values: Parameters<typeof fillCommentForm>[1] & { body: string }, shownText = values.body): Promise<Locator> {
  const form = commentForm(page);
  await fillCommentForm(form, values);
  await clickAndWaitForPost(page, formFields(form).post);
  await expect(statusMessage(form, POSTED)).toBeVisible();
  const comment = commentWithText(page, shownText);
  await expect(comment).toHaveCount(1);
  return comment;
}
