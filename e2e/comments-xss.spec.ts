// Stored XSS through comments: hostile text goes in through every field a poster controls (the
// subject, the comment, the anonymous name and website, a member's display name), then the
// article page, its reply pages, the preview, the article's comment feed and the members'
// profiles are read in Chromium. The browser gets a handful of payloads, one of each kind
// (BROWSER_XSS_PAYLOADS), and the preview the whole corpus; every payload goes through the
// renderer, the feed writer and the schemas in tests/security/xss-corpus.test.ts. Nothing may run (no dialog, the alert hooks untouched), and the
// DOM must hold no script, handler attribute or script URL that came from a comment.
import { request as playwrightRequest, type Page } from "@playwright/test";
import { ARTICLES, byline, commentForm, expect, fillCommentForm, formFields, registerMember, replyControl, waitUntilInteractive, type DemoArticleRef } from "./comments-helpers";
import { BROWSER_XSS_PAYLOADS, WEBSITE_PAYLOADS, XSS_PAYLOADS } from "../tests/support/xss-payloads";
import { asArray, hiddenFieldsOf, newBrowserContext, newMember, ownBox, parseXml, test, textOf, uniqueIp, uniqueSuffix, type Member } from "./fixtures";
import { COMMENT_BODY_TAGS, domProblems, expectNothingRan, watchedPage } from "./xss-audit";

const WEBSITE_REFUSED = "Enter a web address starting with http:// or https://.";

/** What the server keeps of a one-line field typed into a browser: the browser drops line breaks, the server control characters. */
const asStoredLine = (s: string, max: number) =>
  s
    .slice(0, max)
    .replace(/[\r\n]/g, "")
    .replace(/[\u0000-\u001F\u007F]/g, "")
    .trim();
// A name also loses bidi controls, which would let it pose as another's (lib/text.ts).
const asStoredName = (s: string) => asStoredLine(s, 60).replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "").trim();

type AnonPost = { id: string; payload: string; subject: string; name: string; website?: string; websiteRefused: boolean };

/**
 * Posts one anonymous comment the way a script does: the form's fields sent straight to the page
 * (as a browser without JavaScript would), from a fresh visitor with an address of its own, and
 * returns where it landed. A refused website is noted, and the comment posted without it.
 */
async function postAnonymously(baseURL: string, article: DemoArticleRef, template: Record<string, string>, payload: string, website?: string): Promise<AnonPost> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueIp(), origin: baseURL } });
  try {
    const subject = payload.slice(0, 120);
    const name = payload.slice(0, 60);
    const fields = { ...template, subject, body: payload, anonName: name, anonEmail: `xss.${uniqueSuffix()}@example.test`, homepage: "" };
    let websiteRefused = false;
    for (const sent of website ? [website, ""] : [""]) {
      const response = await api.post(article.path, { multipart: { ...fields, anonWebsite: sent }, maxRedirects: 0 });
      const location = response.headers()["location"] ?? "";
      if (response.status() >= 300 && response.status() < 400) {
        const hash = new URL(location, baseURL).hash;
        expect(hash, `the post of ${JSON.stringify(payload)} lands on its comment`).toMatch(/^#comment-[\w-]+$/);
        return { id: hash.slice("#comment-".length), payload, subject, name, website: sent || undefined, websiteRefused };
      }
      const html = await response.text();
      if (sent && html.includes(WEBSITE_REFUSED)) {
        websiteRefused = true;
        continue;
      }
      const messages = [...html.matchAll(/class="(?:form-message[^"]*|field__error)"[^>]*>([^<]*)</g)].map((m) => m[1]);
      throw new Error(`The comment with payload ${JSON.stringify(payload)} was not posted (${response.status()}): ${messages.join(" / ")}`);
    }
    throw new Error(`The comment with payload ${JSON.stringify(payload)} was not posted.`);
  } finally {
    await api.dispose();
  }
}

/** Runs `task` over `items`, `limit` at a time. */
async function inParallel<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

const THREAD_ROOTS = {
  body: "section#comments .comment__body, .comment-preview .comment__body",
  text: "section#comments .comment__subject, section#comments .comment__author, .comment-preview .comment__subject",
  byline: "section#comments .comment__byline",
};

test("hostile comments are stored as text: nothing runs on the article, its reply pages, the preview, the feed or the profiles", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const article = ARTICLES.xss;
  const payloads = BROWSER_XSS_PAYLOADS;

  // Members whose display names are hostile too, registering while the anonymous posts go in.
  const memberNames = [`"><img src=x onerror=alert(201)>`, `<script>alert(202)</script>`, `<svg onload=alert(203)>`];
  const members: { member: Member; page: Page; close: () => Promise<void> }[] = [];
  const registering = Promise.all(
    memberNames.map(async (name) => {
      const context = await newBrowserContext(browser, baseURL);
      const page = await context.newPage();
      const member = { ...newMember(), name };
      // The header shows the name as the text of the profile link: it was not parsed as markup.
      await registerMember(page, member);
      members.push({ member, page, close: () => context.close() });
    }),
  );

  try {
    // One anonymous comment per payload: it is the subject (first 120 characters), the comment
    // and the name (first 60); the first six also try a hostile website, three of them script
    // URLs that must be refused (every website payload is tried in xss-corpus.test.ts).
    const template = await hiddenFieldsOf(browser, baseURL, article.path, commentForm);
    expect(Object.keys(template)).toContain("articleId");
    const websites = payloads.map((_, i) => (i < 6 ? WEBSITE_PAYLOADS[i * 2] : undefined));
    expect(websites.filter((w) => w?.mustRefuse)).toHaveLength(3);
    const anonPosts = await inParallel(payloads, 4, (payload, i) => postAnonymously(baseURL!, article, template, payload, websites[i]?.url));
    for (const [i, w] of websites.entries()) {
      if (w?.mustRefuse) expect(anonPosts[i].websiteRefused, `website ${JSON.stringify(w.url)} is refused`).toBe(true);
    }

    // Then the members: each posts a payload subject and a third of the payloads in one comment.
    await registering;
    const memberPosts: { member: Member; subject: string; id: string }[] = [];
    const third = Math.ceil(payloads.length / members.length);
    await Promise.all(
      members.map(async ({ member, page }, m) => {
        await page.goto(article.path);
        await waitUntilInteractive(page);
        const form = commentForm(page);
        await expect(form.getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
        const subject = payloads[(m * 2 + 1) % payloads.length].slice(0, 120);
        const body = payloads.slice(m * third, (m + 1) * third).join("\n\n");
        await fillCommentForm(form, { subject, body });
        await formFields(form).post.click();
        await expect(form.getByRole("status").filter({ hasText: "Your comment is posted." })).toBeVisible();
        const comment = page
          .locator("section#comments li.comment")
          .filter({ has: page.locator(":scope > .comment__box .comment__author", { hasText: member.name }) });
        await expect(comment).toHaveCount(1);
        const id = (await comment.getAttribute("id"))!.slice("comment-".length);
        memberPosts.push({ member, subject, id });
      }),
    );

    const { page, dialogs, close } = await watchedPage(browser, baseURL);
    try {
      // The article page, hydrated.
      await page.goto(article.path);
      await waitUntilInteractive(page);
      await expectNothingRan(page, dialogs, "the article");
      expect(await domProblems(page, THREAD_ROOTS)).toEqual([]);

      // Every comment is there, its subject and name exactly as typed, shown as text (read in
      // one go).
      type Shown = { subject: string | null; author: string | null; authorHref: string | null; body: string } | null;
      const shown: Record<string, Shown> = await page.evaluate((ids) => {
        const own = (li: Element, selector: string) => li.querySelector(`:scope > .comment__box ${selector}`);
        return Object.fromEntries(
          ids.map((id) => {
            const li = document.querySelector(`li.comment#comment-${id}`);
            if (!li) return [id, null];
            const author = own(li, ".comment__byline .comment__author");
            return [id, { subject: own(li, ".comment__subject")?.textContent ?? null, author: author?.textContent ?? null, authorHref: author?.getAttribute("href") ?? null, body: own(li, ".comment__body")?.textContent ?? "" }];
          }),
        );
      }, [...anonPosts.map((p) => p.id), ...memberPosts.map((p) => p.id)]);
      for (const post of anonPosts) {
        const what = `the comment with payload ${JSON.stringify(post.payload)}`;
        const seen = shown[post.id];
        expect(seen, `${what} is on the page`).not.toBeNull();
        const expectedSubject = asStoredLine(post.subject, 120);
        expect(seen!.subject, `${what}: subject`).toBe(expectedSubject || null);
        expect(seen!.author, `${what}: name`).toBe(asStoredName(post.name) || "Anonymous Coward");
        expect(seen!.body, `${what}: body`).toMatch(/\S/);
        // An accepted website is an http(s) link carrying exactly what was typed.
        expect(seen!.authorHref, `${what}: website`).toBe(post.website ? post.website.trim() : null);
        if (post.website) expect(post.website.trim()).toMatch(/^https?:\/\//);
      }
      for (const post of memberPosts) {
        const seen = shown[post.id];
        expect(seen).not.toBeNull();
        expect(seen!.author).toBe(post.member.name);
        expect(seen!.authorHref).toBe(`/users/${post.member.handle}`);
        expect(seen!.subject).toBe(asStoredLine(post.subject, 120));
      }
      // A reader pointing at the names with a website (where breakouts aim their onmouseover).
      for (const post of anonPosts.filter((p) => p.website)) await byline(page.locator(`li.comment#comment-${post.id}`)).locator("a.comment__author").hover();
      // Typed markup is shown, not obeyed.
      await expect(page.locator("section#comments").getByText("<script>alert(1)</script>").filter({ visible: true }).first()).toBeVisible();
      await expectNothingRan(page, dialogs, "the article, after hovering the names");

      // An anonymous post through the form with JavaScript: the thread is updated in place.
      const acceptedWebsite = anonPosts.find((p) => p.website)?.website ?? "";
      const ui = { subject: `<img src=x onerror=alert(301)>`, body: `<svg onload=alert(302)>\n\n[x](javascript:alert(303)) ${uniqueSuffix()}`, name: `"><svg onload=alert(304)>`, website: acceptedWebsite };
      const form = commentForm(page);
      await fillCommentForm(form, { ...ui, email: `xss.${uniqueSuffix()}@example.test` });
      await formFields(form).post.click();
      await expect(form.getByRole("status").filter({ hasText: "Your comment is posted." })).toBeVisible();
      const uiComment = page.locator("section#comments li.comment").filter({ has: page.locator(":scope > .comment__box .comment__body", { hasText: ui.body.split("\n\n")[1].replace("[x](javascript:alert(303))", "x") }) });
      await expect(uiComment).toHaveCount(1);
      expect(await byline(uiComment).locator(".comment__author").evaluate((el) => el.textContent)).toBe(ui.name);
      expect(await ownBox(uiComment).locator(".comment__subject").evaluate((el) => el.textContent)).toBe(ui.subject);
      if (ui.website) await byline(uiComment).locator("a.comment__author").hover();
      await expectNothingRan(page, dialogs, "the article after posting in place");
      expect(await domProblems(page, THREAD_ROOTS)).toEqual([]);

      // "Reply" in place prefills the subject with the hostile one, as a value.
      const breakout = anonPosts.find((p) => p.payload.startsWith(`"><img src=x onerror=alert(`))!;
      const control = replyControl(page.locator(`li.comment#comment-${breakout.id}`));
      await control.getByRole("button", { name: "Reply" }).click();
      await expect(formFields(control.locator(".reply form")).subject).toHaveValue(`Re: ${breakout.subject}`);
      await expectNothingRan(page, dialogs, "the article with a reply form open");

      // Preview renders what the sanitizer lets through, in the page, with JavaScript: the whole corpus.
      await fillCommentForm(form, { subject: XSS_PAYLOADS[53], body: XSS_PAYLOADS.join("\n\n") });
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await formFields(form).preview.click();
      await answered;
      await expect(form.getByRole("region", { name: "Preview" })).toBeVisible();
      await expect(form.getByRole("region", { name: "Preview" }).locator(".comment__body")).toContainText("alert(1)");
      await expectNothingRan(page, dialogs, "the preview");
      expect(await domProblems(page, THREAD_ROOTS)).toEqual([]);

      // The no-JavaScript reply pages of a few of them, with JavaScript on.
      for (const post of [anonPosts[0], anonPosts[1], breakout, anonPosts[anonPosts.length - 1]]) {
        await page.goto(`/comments/${post.id}/reply`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reply");
        await expect(page.locator("section#leave-a-comment").getByLabel("Subject", { exact: true })).toHaveValue(`Re: ${asStoredLine(post.subject, 120)}`.slice(0, 120));
        await expectNothingRan(page, dialogs, `the reply page of ${post.id}`);
        expect(await domProblems(page, { body: "main .comment__body", text: "main .comment__subject, main .comment__author", byline: "main .comment__byline" })).toEqual([]);
      }

      // The article's comment feed: well-formed, every value escaped, descriptions clean.
      const response = await page.request.get(`${article.path}/feed.xml`);
      expect(response.status()).toBe(200);
      const xml = await response.text();
      const doc = parseXml(xml) as { rss: { channel: { item?: unknown } } };
      expect(xml).not.toMatch(/<script/i);
      expect(xml).not.toMatch(/<!\[CDATA\[/);
      expect(xml).not.toContain("]]>");
      expect(xml).not.toMatch(/<(img|svg|iframe|style|body)\b/i);
      const items = asArray(doc.rss.channel.item) as Record<string, unknown>[];
      expect(items.length).toBeGreaterThanOrEqual(anonPosts.length + memberPosts.length);
      const fed = new Set(items.map((item) => new URL(textOf(item.guid)).pathname.slice("/comments/".length)));
      for (const post of memberPosts) expect(fed.has(post.id), "the members' comments (all payloads between them) are in the feed").toBe(true);
      for (const post of anonPosts) expect(fed.has(post.id), `the comment with payload ${JSON.stringify(post.payload)} is in the feed`).toBe(true);
      const descriptions = items.map((item) => textOf(item.description));
      const feedProblems = await page.evaluate(
        ({ descriptions, bodyTags }) =>
          descriptions.flatMap((html, i) => {
            const body = new DOMParser().parseFromString(html, "text/html").body;
            return [...body.querySelectorAll("*")].flatMap((el) => {
              const found: string[] = [];
              if (!bodyTags.includes(el.tagName)) found.push(`item ${i}: <${el.tagName.toLowerCase()}>`);
              for (const attr of el.attributes) if (!["href", "title", "rel", "class", "start"].includes(attr.name)) found.push(`item ${i}: ${attr.name} on <${el.tagName.toLowerCase()}>`);
              const href = el.getAttribute("href");
              let protocol = "invalid:";
              try {
                protocol = href === null ? "" : new URL(href, location.href).protocol;
              } catch {}
              if (href !== null && !["http:", "https:", "mailto:"].includes(protocol)) found.push(`item ${i}: link to ${href}`);
              return found;
            });
          }),
        { descriptions, bodyTags: COMMENT_BODY_TAGS },
      );
      expect(feedProblems).toEqual([]);
      // Titles and authors are the plain text that was typed.
      const titles = new Set(items.map((item) => textOf(item.title)));
      for (const post of memberPosts) expect(titles.has(asStoredLine(post.subject, 120))).toBe(true);
      const creators = new Set(items.map((item) => textOf(item["dc:creator"])));
      for (const post of memberPosts) expect(creators.has(post.member.name)).toBe(true);

      // The members' profiles: name, subject and excerpt, all as text.
      for (const post of memberPosts) {
        await page.goto(`/users/${post.member.handle}`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(post.member.name);
        const list = page.getByRole("region", { name: `Comments by ${post.member.name}` });
        await expect(list.getByText(asStoredLine(post.subject, 120), { exact: true })).toBeVisible();
        await expectNothingRan(page, dialogs, `the profile of ${post.member.handle}`);
        expect(await domProblems(page, { body: "main .member-comments li > p:not(.meta)", text: "main .member-comments .comment__subject, main h1", byline: "main .member-comments .meta" })).toEqual([]);
      }
    } finally {
      await close();
    }
  } finally {
    await registering.catch(() => {});
    await Promise.all(members.map((m) => m.close()));
  }
});
