// Stored XSS beyond comments: a handful of payloads, one of each kind (BROWSER_XSS_PAYLOADS in
// tests/support/xss-payloads.ts), goes into the fields authors and members control (article
// title, dept line, body, excerpt and tag names; profile name and bio), once through the real
// forms (/settings, /write: the whole corpus as the body) and for each of the handful through the
// real schemas and mutations (e2e/tasks/xss-sitewide-seed.ts), with hostile comments
// rated onto /best and hidden into the moderation queue. Then every page that shows these fields
// is read in Chromium (articles, front page, tag pages, profiles, /best, /moderation,
// /admin/users, the write and settings forms) and every feed is parsed: nothing may run, no
// markup may escape, and each value must show exactly as it was stored, as text. Every payload of
// the corpus goes through the renderer, the feed writer and the schemas in Vitest
// (tests/security/xss-corpus.test.ts).
//
// It publishes articles, so it runs in the site-wide project, after the specs that count the
// front page's articles. Those of the seed task are dated 400 days back, behind the demo content.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";
import { description, pageTitle } from "../lib/seo/cut";
import { cleanText, stripBidiControls } from "../lib/text";
import { BROWSER_XSS_PAYLOADS, XSS_PAYLOADS } from "../tests/support/xss-payloads";
import { asArray, expectSignedInAs, memberWithRole, parseXml, signInAs, submit, test, textOf, type Member } from "./fixtures";
import type { Seeded } from "./tasks/xss-sitewide-seed";
import { ARTICLE_BODY_TAGS, COMMENT_BODY_TAGS, domProblems, htmlFragmentProblems, watchedPage, type AuditExtras, type AuditRoots } from "./xss-audit";

const run = promisify(execFile);

// Values typed into the real forms by one author (numbers 9xx: the corpus uses 1–111).
const FORM = {
  name: `"><img src=x onerror=alert(901)> &amp; ]]>`,
  bio: [`<script>alert(902)</script>`, `<a href="javascript:alert(903)">bio link</a>`, `]]><svg onload=alert(904)><![CDATA[`, `&lt;img src=x onerror=alert(905)&gt;`, `[md](javascript:alert(906))`].join("\n"),
  title: `</title><script>alert(911)</script> "Quoted" & <b>bold</b> ]]>`,
  dept: `"><svg/onload=alert(912)>`,
  tags: [`<img src=x onerror=alert(913)>`, `"><script>alert(914)</script>`],
  body: XSS_PAYLOADS.join("\n\n"),
};

/** The article form's one-line rule (lib/articles/schemas.ts): no control characters, spaces collapsed. */
const oneLine = (s: string) => cleanText(s).replace(/\s+/g, " ").trim();

/** document.title as the browser gives it: ASCII whitespace collapsed. */
// What the <title> shows: the page's own part cut after a word to fit 70 characters (lib/seo/cut.ts).
const asDocTitle = (s: string) => `${pageTitle(s, "Dept")} | Dept`.replace(/[\t\n\f\r ]+/g, " ").trim();

const NONE = ":not(*)";
const CARDS = "main .article-card";
const CARD_TEXT = `${CARDS} h2 a, ${CARDS} .dept em, ${CARDS} .excerpt, ${CARDS} .tag-list a`;
const ARTICLE_PAGE: AuditRoots = {
  body: "section#comments .comment__body",
  text: "article > header h1, article > header .dept em, .article-footer .tag-list a, section#comments .comment__subject, section#comments .comment__author",
  byline: "article > header .meta, section#comments .comment__byline",
};
const LIST_PAGE: AuditRoots = { body: NONE, text: `main h1, ${CARD_TEXT}`, byline: `${CARDS} .meta` };
const PROFILE_PAGE: AuditRoots = {
  body: NONE,
  text: `main h1, main h2#articles-heading, main h2#comments-heading, main .bio, main .member-comments .comment__subject, main .member-comments > li > p:not(.meta), main .member-comments .meta a[href^="/articles/"], ${CARD_TEXT}`,
  byline: `main .member-comments .meta, ${CARDS} .meta`,
};
const BEST_PAGE: AuditRoots = {
  body: ".best-list .comment__body",
  text: ".best-list .comment__subject, .best-list .comment__author, .best-list__article a",
  byline: ".best-list .comment__byline, .best-list__article",
};
const QUEUE_PAGE: AuditRoots = { body: ".queue-item .comment__body", text: ".queue-item h2, .queue-item h3, .queue-item .comment__subject, .queue-item__facts a", byline: NONE };

type ArticleRef = { slug: string; title: string; dept: string; excerpt: string | null; tags: { slug: string; name: string }[]; authorHandle: string; authorName: string };
type Card = { href: string; title: string | null; author: string | null; dept: string | null; excerpt: string | null; tags: string[] };
type Watched = { page: Page; dialogs: string[]; close: () => Promise<void> };

const sorted = (list: string[]) => [...list].sort();

test("hostile articles, profiles and tags are stored as text: nothing runs on any page that shows them, and every feed stays well-formed", async ({ browser, baseURL }) => {
  test.setTimeout(5 * 60_000);
  const problems: string[] = [];
  const same = (where: string, what: string, seen: unknown, expected: unknown) => {
    if (JSON.stringify(seen) !== JSON.stringify(expected)) problems.push(`${where}: ${what} is ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
  };
  const watched: Watched[] = [];
  // Every page audited and every feed parsed, so the end can say (and check) what was covered.
  const covered: string[] = [];
  const open = async () => {
    const w = await watchedPage(browser, baseURL);
    watched.push(w);
    return w;
  };

  /** Opens `path`, gives handlers their chance, and records whatever ran or escaped. */
  async function visit(w: Watched, path: string, roots: AuditRoots, extras: AuditExtras = {}): Promise<string> {
    covered.push(path);
    const response = await w.page.goto(path, { waitUntil: "load" });
    if (response?.status() !== 200) problems.push(`${path}: status ${response?.status()}`);
    await settle(w, path);
    problems.push(...(await domProblems(w.page, roots, extras)).map((p) => `${path}: ${p}`));
    return w.page.url();
  }
  async function settle(w: Watched, where: string) {
    await w.page.waitForLoadState("load");
    await w.page.waitForTimeout(150);
    problems.push(...w.dialogs.splice(0).map((d) => `${where}: dialog ${d}`));
    const calls = await w.page.evaluate(() => window.__xss);
    if (calls !== 0) problems.push(`${where}: ${calls} call(s) to alert/confirm/prompt`);
  }

  try {
    // The whole corpus, through the real mutations, while one author types into the real forms.
    const label = randomBytes(4).toString("hex");
    const seeding = run("npx", ["tsx", "e2e/tasks/xss-sitewide-seed.ts", label], { env: process.env, cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
    // (Awaited below, after the forms: a failure meanwhile must wait for that, not end the run.)
    seeding.catch(() => {});

    const author: Member = await memberWithRole("author");
    const desk = await open();
    const { page } = desk;
    await signInAs(page, author);

    // /settings: a hostile name and bio, saved and shown back as values.
    await page.goto("/settings");
    const profile = page.getByRole("region", { name: "Profile" });
    await profile.getByLabel("Name", { exact: true }).fill(FORM.name);
    await profile.getByLabel("Bio", { exact: true }).fill(FORM.bio);
    await submit(page, profile.getByRole("button", { name: "Save profile" }));
    await expect(profile.getByRole("status")).toHaveText("Profile saved.");
    await visit(desk, "/settings", { body: NONE, text: NONE, byline: NONE }, { ownForms: "form" });
    await expect(page.getByRole("region", { name: "Profile" }).getByLabel("Name", { exact: true })).toHaveValue(FORM.name);
    await expect(page.getByRole("region", { name: "Profile" }).getByLabel("Bio", { exact: true })).toHaveValue(FORM.bio);
    // The header's island shows the new name, as text.
    await expectSignedInAs(page, { name: FORM.name, handle: author.handle });
    await settle(desk, "/settings with the header");
    problems.push(...(await domProblems(page, { body: NONE, text: NONE, byline: NONE }, { ownForms: "form" })).map((p) => `/settings: ${p}`));

    // /write: a hostile title, dept line and tags, and the whole corpus as the body (the live
    // preview renders it with the article page's renderer); the excerpt is left to the body.
    await page.goto("/write");
    await page.getByLabel("Title", { exact: true }).fill(FORM.title);
    // The slug it will get, derived from the title as it is typed.
    await expect(page.getByLabel("Slug", { exact: true })).toHaveAttribute("placeholder", /^[a-z0-9]/);
    const slug = (await page.getByLabel("Slug", { exact: true }).getAttribute("placeholder"))!;
    expect(slug).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    await page.getByLabel("Dept", { exact: true }).fill(FORM.dept);
    await page.getByLabel("Tags", { exact: true }).fill(FORM.tags.join(", "));
    await page.getByLabel("Body", { exact: true }).fill(FORM.body);
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview).toContainText("alert(1)");
    await expect(preview).toContainText("alert(76)");
    await settle(desk, "/write with its preview");
    problems.push(...(await domProblems(page, { body: NONE, text: NONE, byline: NONE }, { articleBody: ".article-preview .article-body", ownForms: "form.article-form" })).map((p) => `/write: ${p}`));
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(oneLine(FORM.title));
    await settle(desk, "the published article");

    const { stdout } = await seeding;
    const seeded = JSON.parse(stdout) as Seeded;
    expect(seeded.articles).toHaveLength(BROWSER_XSS_PAYLOADS.length);

    // Stored as typed: the schemas normalize space, refuse control characters and take bidi
    // controls out of names, and nothing is escaped on the way in (escaping is the pages' and
    // the feeds' job).
    for (const [i, m] of seeded.members.entries()) {
      const hasControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(BROWSER_XSS_PAYLOADS[i]);
      same(`member ${i}`, "refused fields", m.refused, hasControl ? ["name", "bio"] : []);
      if (!hasControl) {
        same(`member ${i}`, "stored name", m.name, stripBidiControls(m.typedName.toWellFormed()).trim());
        same(`member ${i}`, "stored bio", m.bio, m.typedBio.toWellFormed().trim());
      }
      same(`article ${i}`, "stored title", seeded.articles[i].title, oneLine(BROWSER_XSS_PAYLOADS[i].slice(0, 200)));
    }

    const formArticle: ArticleRef = {
      slug,
      title: oneLine(FORM.title),
      dept: FORM.dept,
      excerpt: null,
      tags: [],
      authorHandle: author.handle,
      authorName: FORM.name,
    };
    const articles: ArticleRef[] = [...seeded.articles, formArticle];
    const members = [...seeded.members.map((m) => ({ handle: m.handle, name: m.name, bio: m.bio })), { handle: author.handle, name: FORM.name, bio: FORM.bio }];

    // The article pages: title, dept line, byline, tags, body, <title>, meta and structured data.
    const readers = [await open(), await open()];
    const queue = [...articles];
    await Promise.all(
      readers.map(async (w) => {
        for (let a = queue.shift(); a; a = queue.shift()) {
          const path = `/articles/${a.slug}`;
          await visit(w, path, ARTICLE_PAGE, { articleBody: ".article-body" });
          const seen = await w.page.evaluate(() => {
            const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
            const attr = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name) ?? null;
            // The NewsArticle's properties, as microdata (lib/seo/schema-org.ts).
            const item = "article[itemscope]";
            const data = {
              headline: text(`${item} > header [itemprop="headline"]`),
              author: text(`${item} > header [itemprop="author"] [itemprop="name"]`),
              description: attr(`${item} > meta[itemprop="description"]`, "content"),
            };
            return {
              h1: text("article > header h1"),
              dept: text("article > header .dept em"),
              author: text("article > header .meta a"),
              tags: [...document.querySelectorAll(".article-footer .tag-list a")].map((el) => [el.getAttribute("href") ?? "", el.textContent ?? ""]),
              docTitle: document.title,
              description: attr('meta[name="description"]', "content"),
              ogTitle: attr('meta[property="og:title"]', "content"),
              data,
              bodyHtml: document.querySelector(".article-body")?.innerHTML ?? "",
            };
          });
          same(path, "title", seen.h1, a.title);
          same(path, "dept line", seen.dept, a.dept);
          same(path, "author", seen.author, a.authorName);
          same(path, "<title>", seen.docTitle, asDocTitle(a.title));
          same(path, "og:title", seen.ogTitle, a.title);
          same(path, "structured data headline", seen.data.headline, a.title);
          same(path, "structured data author", seen.data.author, a.authorName);
          if (a.excerpt !== null) {
            same(path, "meta description", seen.description, description(a.excerpt));
            same(path, "structured data description", seen.data.description, a.excerpt);
          }
          // (Something is left of every payload: text, or an image stripped of its script URL.)
          if (!seen.bodyHtml.trim()) problems.push(`${path}: the body is empty`);
          if (a === formArticle) {
            formArticle.tags = seen.tags.map(([href, name]) => ({ slug: href.replace(/^\/tags\//, ""), name }));
            // The excerpt as typed, from the structured data (the meta description is cut to 160 characters).
            formArticle.excerpt = seen.data.description;
            same(path, "tags", sorted(seen.tags.map(([, name]) => name)), sorted(FORM.tags));
          } else {
            same(path, "tags", sorted(seen.tags.map(([, name]) => name)), sorted(a.tags.map((t) => t.name)));
          }
        }
      }),
    );
    // Typed markup is shown as text, not obeyed (on the form's article: the whole corpus).
    await readers[0].page.goto(`/articles/${slug}`);
    await expect(readers[0].page.locator(".article-body")).toContainText("<script>alert(1)</script>");
    await settle(readers[0], `/articles/${slug} again`);

    // A list of article cards (front page, tag page, profile) shows each of ours exactly.
    const checkCards = async (w: Watched, where: string, expected: ArticleRef[]) => {
      const cards: Card[] = await w.page.evaluate((sel) =>
        [...document.querySelectorAll(sel)].map((card) => ({
          href: card.querySelector("h2 a")?.getAttribute("href") ?? "",
          title: card.querySelector("h2 a")?.textContent ?? null,
          author: card.querySelector(".meta a")?.textContent ?? null,
          dept: card.querySelector(".dept em")?.textContent ?? null,
          excerpt: card.querySelector(".excerpt")?.textContent ?? null,
          tags: [...card.querySelectorAll(".tag-list a")].map((el) => el.textContent ?? ""),
        })),
      CARDS);
      const found = new Set<string>();
      for (const a of expected) {
        const card = cards.find((c) => c.href === `/articles/${a.slug}`);
        if (!card) continue;
        found.add(a.slug);
        same(where, `card of ${a.slug}: title`, card.title, a.title);
        same(where, `card of ${a.slug}: author`, card.author, a.authorName);
        same(where, `card of ${a.slug}: dept`, card.dept, a.dept);
        same(where, `card of ${a.slug}: excerpt`, card.excerpt, a.excerpt);
        same(where, `card of ${a.slug}: tags`, sorted(card.tags), sorted(a.tags.map((t) => t.name)));
      }
      return found;
    };

    // The front page, page after page, until every one of ours has been seen.
    const onFront = new Set<string>();
    for (let n = 1; n <= 40 && onFront.size < articles.length; n++) {
      const path = n === 1 ? "/" : `/?page=${n}`;
      const landed = await visit(readers[0], path, LIST_PAGE);
      if (n > 1 && !landed.endsWith(path)) break;
      for (const s of await checkCards(readers[0], path, articles)) onFront.add(s);
    }
    same("the front page", "articles of ours not found", articles.filter((a) => !onFront.has(a.slug)).map((a) => a.slug), []);

    // Every tag page of ours: its heading, <title> and the article filed under it.
    const tagQueue = articles.flatMap((a) => a.tags.map((t) => ({ tag: t, article: a })));
    await Promise.all(
      readers.map(async (w) => {
        for (let next = tagQueue.shift(); next; next = tagQueue.shift()) {
          const { tag, article } = next;
          const path = `/tags/${tag.slug}`;
          await visit(w, path, LIST_PAGE);
          const seen = await w.page.evaluate(() => ({ h1: document.querySelector("main h1")?.textContent ?? null, docTitle: document.title }));
          same(path, "heading", seen.h1, `Filed under: ${tag.name}`);
          same(path, "<title>", seen.docTitle, asDocTitle(`Filed under ${tag.name}`));
          const found = await checkCards(w, path, [article]);
          if (!found.has(article.slug)) problems.push(`${path}: ${article.slug} is not listed`);
        }
      }),
    );

    // Every profile of ours: name, bio, <title>, their article and (even i) their comment.
    const bestByHandle = new Map(seeded.best.filter((c) => c.authorHandle).map((c) => [c.authorHandle!, c]));
    const titleOf = new Map(articles.map((a) => [a.slug, a.title]));
    const profileQueue = [...members];
    await Promise.all(
      readers.map(async (w) => {
        for (let m = profileQueue.shift(); m; m = profileQueue.shift()) {
          const path = `/users/${m.handle}`;
          await visit(w, path, PROFILE_PAGE);
          const seen = await w.page.evaluate(() => ({
            h1: document.querySelector("main h1")?.textContent ?? null,
            bio: document.querySelector("main .bio")?.textContent ?? null,
            docTitle: document.title,
            description: document.querySelector('meta[name="description"]')?.getAttribute("content") ?? null,
            headings: [...document.querySelectorAll("main h2#articles-heading, main h2#comments-heading")].map((h) => h.textContent ?? ""),
            comments: [...document.querySelectorAll("main .member-comments > li")].map((li) => ({
              on: li.querySelector(".meta a")?.textContent ?? null,
              subject: li.querySelector(".comment__subject")?.textContent ?? null,
            })),
          }));
          same(path, "name", seen.h1, m.name);
          same(path, "bio", seen.bio, m.bio || null);
          same(path, "<title>", seen.docTitle, asDocTitle(m.name));
          same(path, "meta description", seen.description, m.bio ? description(m.bio) : null);
          same(path, "headings", seen.headings, [`Articles by ${m.name}`, `Comments by ${m.name}`]);
          const own = articles.filter((a) => a.authorHandle === m.handle);
          const found = await checkCards(w, path, own);
          same(path, "own articles listed", own.filter((a) => !found.has(a.slug)).length, 0);
          const comment = bestByHandle.get(m.handle);
          if (comment) same(path, "comments", seen.comments, [{ on: titleOf.get(comment.slug), subject: comment.subject || null }]);
        }
      }),
    );

    // /best, week by week: our rated comments, ranked, each as text under its article's title.
    for (const week of seeded.weeks) {
      const path = `/best?week=${week}`;
      await visit(readers[0], path, BEST_PAGE);
      const lists = await readers[0].page.evaluate(() =>
        Object.fromEntries(
          (["insightful", "funny"] as const).map((kind) => [
            kind,
            [...document.querySelectorAll(`li[id^="${kind}-"]`)].map((li) => ({
              id: li.id.slice(kind.length + 1),
              on: li.querySelector(".best-list__article a")?.textContent ?? null,
              subject: li.querySelector(".comment__subject")?.textContent ?? null,
              author: li.querySelector(".comment__author")?.textContent ?? null,
            })),
          ]),
        ),
      );
      for (const kind of ["insightful", "funny"] as const) {
        const expected = seeded.best
          .filter((c) => c.week === week && c.kind === kind)
          .sort((x, y) => x.rank! - y.rank!)
          .map((c) => ({ id: c.id, on: titleOf.get(c.slug) ?? null, subject: c.subject || null, author: c.authorName }));
        same(path, `${kind} list`, lists[kind], expected);
      }
      // Its feed: the same entries, as escaped text.
      const feedPath = `/best/feed.xml?week=${week}`;
      const items = await feedItems(readers[0].page, feedPath);
      const labels = { insightful: "Most insightful", funny: "Funniest" };
      const expectedTitles = (["insightful", "funny"] as const).flatMap((kind) =>
        seeded.best
          .filter((c) => c.week === week && c.kind === kind)
          .sort((x, y) => x.rank! - y.rank!)
          .map((c) => `${labels[kind]} #${c.rank! + 1}: ${c.subject || `Comment by ${c.authorName}`} (on ${titleOf.get(c.slug)})`),
      );
      same(feedPath, "item titles", items.map((i) => textOf(i.title)), expectedTitles);
      same(feedPath, "item authors", sorted(items.map((i) => textOf(i["dc:creator"]))), sorted(seeded.best.filter((c) => c.week === week).map((c) => c.authorName)));
      problems.push(...(await htmlFragmentProblems(readers[0].page, items.map((i) => textOf(i.description)), COMMENT_BODY_TAGS)).map((p) => `${feedPath}: ${p}`));
    }

    // /moderation, as a moderator: every hidden comment of ours, its title line and its text.
    const moderator = await open();
    await signInAs(moderator.page, await memberWithRole("moderator"));
    const queued = new Map<string, { heading: string | null; subject: string | null; articleLink: string | null }>();
    for (let n = 1; n <= 40 && queued.size < seeded.hidden.length; n++) {
      const path = n === 1 ? "/moderation" : `/moderation?page=${n}`;
      const landed = await visit(moderator, path, QUEUE_PAGE, { ownForms: ".queue-item__decisions form, #bans form" });
      if (n > 1 && !landed.endsWith(path)) break;
      const items = await moderator.page.evaluate(() =>
        [...document.querySelectorAll("article.queue-item")].map((item) => ({
          id: (item.getAttribute("aria-labelledby") ?? "").replace(/^queued-/, ""),
          heading: item.querySelector("h3")?.textContent ?? null,
          subject: item.querySelector(".comment__subject")?.textContent ?? null,
          articleLink: item.querySelector('.queue-item__facts a[href^="/articles/"]')?.textContent ?? null,
        })),
      );
      for (const { id, ...item } of items) queued.set(id, item);
    }
    for (const c of seeded.hidden) {
      const where = `/moderation, comment ${c.id}`;
      const item = queued.get(c.id);
      if (!item) {
        problems.push(`${where}: not in the queue`);
        continue;
      }
      same(where, "heading", item.heading, `Comment by ${c.authorName} on “${titleOf.get(c.slug)}”`);
      same(where, "subject", item.subject, c.subject || null);
      same(where, "article link", item.articleLink, titleOf.get(c.slug));
    }

    // /admin/users, as an admin: our members' names, as text.
    const admin = await open();
    await signInAs(admin.page, await memberWithRole("admin"));
    const listed = new Map<string, string | null>();
    for (const q of [`xs${label}`, author.handle]) {
      for (let n = 1; n <= 10; n++) {
        const path = `/admin/users?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ""}`;
        await visit(admin, path, { body: NONE, text: ".admin-table td > a", byline: NONE }, { ownForms: ".admin-table form, form.search-form" });
        const rows = await admin.page.evaluate(() =>
          [...document.querySelectorAll(".admin-table tbody tr td:first-child > a")].map((a) => [(a.getAttribute("href") ?? "").replace(/^\/users\//, ""), a.textContent] as const),
        );
        if (rows.length === 0) break;
        for (const [handle, name] of rows) listed.set(handle, name);
      }
    }
    for (const m of members) same(`/admin/users, ${m.handle}`, "name", listed.get(m.handle) ?? "(not listed)", m.name);

    // The author's desk: the tag suggestions (every tag name, as an option's value) and the
    // edit form of the published article, its values and preview.
    await visit(desk, "/write", { body: NONE, text: "#your-articles a", byline: NONE }, { ownForms: "form.article-form" });
    const options = await desk.page.locator("datalist#article-tag-options option").evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    const allTags = new Set(articles.flatMap((a) => a.tags.map((t) => t.name)));
    same("/write", "tag suggestions missing", [...allTags].filter((t) => !options.includes(t)), []);
    await expect(desk.page.locator("#your-articles")).toContainText(oneLine(FORM.title));
    await visit(desk, `/articles/${slug}/edit`, { body: NONE, text: NONE, byline: NONE }, { articleBody: ".article-preview .article-body", ownForms: "form.article-form" });
    await expect(desk.page.getByLabel("Title", { exact: true })).toHaveValue(oneLine(FORM.title));
    await expect(desk.page.getByLabel("Dept", { exact: true })).toHaveValue(FORM.dept);
    same(`/articles/${slug}/edit`, "tags", sorted((await desk.page.getByLabel("Tags", { exact: true }).inputValue()).split(/,\s*/)), sorted(FORM.tags));
    await expect(desk.page.getByRole("region", { name: "Preview" })).toContainText("alert(76)");
    await settle(desk, `/articles/${slug}/edit with its preview`);

    // The feeds: the site feed (the form's article and its hostile author), and every article's
    // comment feed (its title in the channel; its rated comment as an item).
    const siteItems = await feedItems(readers[0].page, "/feed.xml");
    const formItem = siteItems.find((i) => new URL(textOf(i.link)).pathname === `/articles/${slug}`);
    if (!formItem) problems.push(`/feed.xml: the form's article is not in the feed`);
    else {
      same("/feed.xml", "title", textOf(formItem.title), formArticle.title);
      same("/feed.xml", "author", textOf(formItem["dc:creator"]), FORM.name);
    }
    problems.push(...(await htmlFragmentProblems(readers[0].page, siteItems.map((i) => textOf(i.description)), ARTICLE_BODY_TAGS)).map((p) => `/feed.xml: ${p}`));
    const bestBySlug = new Map(seeded.best.map((c) => [c.slug, c]));
    for (const a of articles) {
      const path = `/articles/${a.slug}/feed.xml`;
      const { channel, items } = await readFeed(readers[0].page, path);
      same(path, "channel title", textOf(channel.title), `Comments on: ${a.title}`);
      same(path, "channel description", textOf(channel.description), `The discussion under "${a.title}" on Dept`);
      const c = bestBySlug.get(a.slug);
      if (c) {
        same(path, "items", items.map((i) => [textOf(i.title), textOf(i["dc:creator"])]), [[c.subject || `Comment by ${c.authorName}`, c.authorName]]);
        problems.push(...(await htmlFragmentProblems(readers[0].page, items.map((i) => textOf(i.description)), COMMENT_BODY_TAGS)).map((p) => `${path}: ${p}`));
      }
    }

    for (const w of watched) await settle(w, `the last page of ${w === desk ? "the author" : "a reader"}`);
    expect(problems, `${problems.length} problem(s)`).toEqual([]);

    const count = (pattern: RegExp) => new Set(covered.filter((p) => pattern.test(p))).size;
    const coverage = {
      articlePages: count(/^\/articles\/[\w-]+$/),
      frontPages: count(/^\/(\?page=\d+)?$/),
      tagPages: count(/^\/tags\//),
      profiles: count(/^\/users\//),
      bestWeeks: count(/^\/best\?/),
      moderationPages: count(/^\/moderation/),
      adminPages: count(/^\/admin\/users/),
      authorForms: count(/^\/(settings|write)$|\/edit$/),
      feeds: count(/feed\.xml/),
    };
    const payloadsNote = `${BROWSER_XSS_PAYLOADS.length} payloads per page (the whole corpus of ${XSS_PAYLOADS.length} in the form's article; all of it in Vitest)`;
    test.info().annotations.push({ type: "coverage", description: `${payloadsNote}; ${JSON.stringify(coverage)}` });
    console.log(`stored-XSS coverage: ${payloadsNote}; ${JSON.stringify(coverage)}`);
    expect(coverage.articlePages).toBe(articles.length);
    expect(coverage.profiles).toBe(members.length);
    expect(coverage.tagPages).toBeGreaterThanOrEqual(articles.length);
    expect(coverage.bestWeeks).toBe(seeded.weeks.length);
    expect(coverage.feeds).toBe(articles.length + seeded.weeks.length + 1);
  } finally {
    await Promise.all(watched.map((w) => w.close()));
  }

  /** A feed's channel and items, after the raw XML checks: well-formed, no CDATA, no raw markup. */
  async function readFeed(page: Page, path: string): Promise<{ channel: Record<string, unknown>; items: Record<string, unknown>[] }> {
    covered.push(path);
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(/^application\/rss\+xml\b/);
    const xml = await response.text();
    if (/<!\[CDATA\[/.test(xml)) problems.push(`${path}: CDATA section`);
    if (xml.includes("]]>")) problems.push(`${path}: raw ]]>`);
    const raw = xml.match(/<(script|img|svg|iframe|style|body|a|b|details|input)\b/i);
    if (raw) problems.push(`${path}: raw <${raw[1]}> element`);
    const doc = parseXml(xml) as { rss: { channel: Record<string, unknown> } };
    return { channel: doc.rss.channel, items: asArray(doc.rss.channel.item as Record<string, unknown> | Record<string, unknown>[] | undefined) };
  }
  async function feedItems(page: Page, path: string) {
    return (await readFeed(page, path)).items;
  }
});
