// The stored-XSS specs' audit, shared by comments-xss.spec.ts and security-xss-sitewide.spec.ts:
// a page that notices anything that runs (dialogs, calls to alert/confirm/prompt), and a DOM check
// for what must never come out of user text (handler attributes, script URLs, foreign scripts,
// markup where text belongs, elements outside the sanitizer's allow-lists).
import { expect, type Browser, type Page } from "@playwright/test";
import { newBrowserContext } from "./fixtures";

declare global {
  interface Window {
    __xss: number;
  }
}

/** A page that records every dialog and counts calls to alert/confirm/prompt in window.__xss. */
export async function watchedPage(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; dialogs: string[]; close: () => Promise<void> }> {
  const context = await newBrowserContext(browser, baseURL);
  await context.addInitScript(() => {
    window.__xss = 0;
    for (const name of ["alert", "confirm", "prompt"] as const) {
      const original = window[name].bind(window) as (...args: unknown[]) => unknown;
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        window.__xss++;
        return original(...args);
      };
    }
  });
  const page = await context.newPage();
  watchScriptPolicies(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss().catch(() => {});
  });
  return { page, dialogs, close: () => context.close() };
}

// Pages whose HTML came without a script policy (lib/http/csp.ts, lib/cache/script-hashes.js),
// the second line of defence should something get past the sanitizer.
const policyGaps = new WeakMap<Page, string[]>();

function watchScriptPolicies(page: Page) {
  const gaps: string[] = [];
  policyGaps.set(page, gaps);
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "document" || response.status() >= 300 && response.status() < 400) return;
    const policies = (await response.headersArray().catch(() => [])).filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
    const scripts = policies.filter((p) => /(^|;)\s*script-src /.test(p));
    if (scripts.length === 0 || scripts.some((p) => p.includes("unsafe-inline"))) gaps.push(`${response.url()}: ${policies.join(" | ") || "no policy"}`);
  });
}

/** What the comment sanitizer lets through (lib/markdown/render.ts), as tag names. */
export const COMMENT_BODY_TAGS = ["P", "BR", "EM", "STRONG", "DEL", "A", "BLOCKQUOTE", "CODE", "PRE", "UL", "OL", "LI"];
/** What the article sanitizer lets through: the comment's, plus headings, rules, images, figures and tables. */
export const ARTICLE_BODY_TAGS = [...COMMENT_BODY_TAGS, "H2", "H3", "H4", "HR", "IMG", "FIGURE", "FIGCAPTION", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"];

/** Where user text sits on a page: sanitized comment bodies, plain-text elements, bylines. */
export type AuditRoots = { body: string; text: string; byline: string };
/**
 * More of a page, for the site-wide spec: sanitized article bodies (article allow-list), and the
 * forms the page itself renders (the write form, moderation decisions, role forms…), which the
 * audit would otherwise report as unexpected.
 */
export type AuditExtras = { articleBody?: string; ownForms?: string };

/**
 * Problems in the DOM under `roots` (comment parts) and on the whole page: elements outside the
 * comment allow-list, handler attributes, script URLs, foreign scripts.
 */
export async function domProblems(page: Page, roots: AuditRoots, extras: AuditExtras = {}): Promise<string[]> {
  return page.evaluate(
    ({ roots, extras, bodyTags, articleTags }) => {
      const problems: string[] = [];
      const describe = (el: Element) => `<${el.tagName.toLowerCase()} ${[...el.attributes].map((a) => `${a.name}="${a.value.slice(0, 60)}"`).join(" ")}>`;
      // React marks a client-rendered form whose action is a function with its own exact
      // sentinel (a form submitted before hydration throws instead of navigating); that is the
      // framework's, not a comment's, and it is the only script URL allowed.
      const reactFormSentinel = "javascript:throw new Error('A React form was unexpectedly submitted.";
      const scriptUrl = (value: string) => !value.startsWith(reactFormSentinel) && /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ""));
      // Where a link really goes, as the browser resolves it (a relative link stays on the site).
      const goesTo = (href: string) => {
        try {
          return new URL(href, location.href).protocol;
        } catch {
          return "invalid:";
        }
      };
      // Anywhere on the page: no handler attribute, no script URL in a URL attribute.
      for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) problems.push(`handler attribute ${attr.name} on ${describe(el)}`);
          // (React gives a form whose action is a function a javascript: action that only throws.)
          const reactFormAction = ["action", "formaction"].includes(attr.name.toLowerCase()) && attr.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
          if (["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster"].includes(attr.name.toLowerCase()) && scriptUrl(attr.value) && !reactFormAction) {
            problems.push(`script URL in ${attr.name} of ${describe(el)}`);
          }
        }
      }
      // Scripts: Next's own only (a bundle, or its inline flight data). The article's structured
      // data is microdata, so no JSON-LD block either.
      for (const script of document.querySelectorAll("script")) {
        const src = script.getAttribute("src");
        const text = script.textContent ?? "";
        if (src !== null) {
          if (!src.startsWith("/_next/")) problems.push(`foreign script ${describe(script)}`);
        } else if (
          !/^\s*\(?self\.__next_f\s*=|^\s*\(?self\.__next_f\.push\(|^\s*\(globalThis\["TURBOPACK"\]\s*\|\|/.test(text) &&
          // React's streaming runtime, written when a Suspense boundary resolves after the shell
          // (seen on a slower database): $RB/$RC/$RS/$RV/$RX calls and its timing line.
          !(/^\s*(?:\$R[A-Z](?:=|\()|requestAnimationFrame\(function\(\)\{\$RT=performance\.now\(\)\}\);?\s*$)/.test(text) && !script.closest(".comment, .article-body, main article header"))
        ) {
          problems.push(`inline script ${JSON.stringify(text.slice(0, 120))}`);
        }
      }
      for (const link of document.querySelectorAll("a[href], area[href]")) {
        if (!["http:", "https:", "mailto:"].includes(goesTo(link.getAttribute("href")!))) problems.push(`link to ${link.getAttribute("href")}`);
      }
      for (const tag of ["iframe", "object", "embed", "frame", "base", "form:not(.comment-form):not([action='/signout'])"]) {
        for (const el of document.querySelectorAll(`main ${tag}`)) {
          // The site's own per-comment controls (rating, flag, spotlight; on the action line or a
          // comment's own page) are forms posting to the comment's own endpoints, outside any body.
          const ownControl =
            el.closest(".rating, .comment-options, .comment-actions__line") && !el.closest(".comment__body") && /^\/api\/comments\/[\w-]+\/(rating|spotlight)$/.test(el.getAttribute("action") ?? "");
          // "Follow this discussion / thread": the site's own server-action form, never inside a comment body.
          const followForm = el.matches("form.follow-form") && !el.closest(".comment__body, .article-body");
          // The thread's one vote form (lib/ratings/vote-button.ts): empty, hidden, outside every comment.
          const threadVotes = el.matches("form#thread-votes[hidden]:not([action])") && el.children.length === 0 && !el.closest(".comment");
          const ownForm = followForm || threadVotes || extras.ownForms !== undefined && el.tagName === "FORM" && el.matches(extras.ownForms);
          if (!ownControl && !ownForm) problems.push(`unexpected ${describe(el)}`);
        }
      }
      // The buttons that submit it: on an action line, each to its own comment's rating address.
      for (const el of document.querySelectorAll("main [formaction]")) {
        const ownVote = el.matches("button[form='thread-votes']") && el.closest(".comment-actions__line") && !el.closest(".comment__body") && /^\/api\/comments\/[\w-]+\/rating$/.test(el.getAttribute("formaction") ?? "");
        if (!ownVote) problems.push(`unexpected ${describe(el)}`);
      }
      // Comment bodies: only the allow-listed elements, no style, links to http(s)/mailto only.
      for (const body of document.querySelectorAll(roots.body)) {
        for (const el of body.querySelectorAll("*")) {
          if (!bodyTags.includes(el.tagName)) problems.push(`element outside the allow-list in a comment: ${describe(el)}`);
          for (const attr of el.attributes) {
            if (!["href", "title", "rel", "class", "start"].includes(attr.name)) problems.push(`attribute ${attr.name} in a comment: ${describe(el)}`);
          }
          if (el.hasAttribute("href") && !["http:", "https:", "mailto:"].includes(goesTo(el.getAttribute("href")!))) problems.push(`link to ${el.getAttribute("href")} in a comment`);
        }
      }
      // Article bodies: the article allow-list; images only from http(s).
      for (const body of extras.articleBody ? document.querySelectorAll(extras.articleBody) : []) {
        for (const el of body.querySelectorAll("*")) {
          if (!articleTags.includes(el.tagName)) problems.push(`element outside the allow-list in an article: ${describe(el)}`);
          for (const attr of el.attributes) {
            if (!["href", "title", "rel", "class", "start", "src", "alt"].includes(attr.name)) problems.push(`attribute ${attr.name} in an article: ${describe(el)}`);
          }
          for (const name of ["href", "src"]) {
            const value = el.getAttribute(name);
            if (value !== null && !["http:", "https:", ...(name === "href" ? ["mailto:"] : [])].includes(goesTo(value))) problems.push(`${name} ${value} in an article`);
          }
        }
      }
      // The site's own structured data around a name (lib/seo/schema-org.ts): a span holding the
      // name's text alone, and a link to the member's profile. Nothing else may sit in a name.
      const profileLink = (el: Element) => el.matches('link[itemprop="url"]') && el.attributes.length === 2 && /^\/users\/[\w-]+$/.test(el.getAttribute("href") ?? "");
      const nameOfItem = (el: Element) => el.matches('span[itemprop="name"]') && el.attributes.length === 1 && el.children.length === 0;
      // Subjects and names are plain text.
      for (const el of document.querySelectorAll(roots.text)) {
        if ([...el.children].some((child) => !profileLink(child) && !nameOfItem(child))) problems.push(`markup inside ${describe(el)}: ${el.innerHTML.slice(0, 120)}`);
      }
      // Bylines: the name (a link to a profile or an http(s) website), the tag, the time, the permalink.
      for (const line of document.querySelectorAll(roots.byline)) {
        for (const el of line.querySelectorAll("*")) {
          if (!["A", "SPAN", "TIME"].includes(el.tagName) && !profileLink(el)) problems.push(`unexpected ${describe(el)} in a byline`);
          if (el.tagName === "A" && !/^(https?:\/\/|\/)/i.test(el.getAttribute("href") ?? "")) problems.push(`byline link to ${el.getAttribute("href")}`);
        }
      }
      return problems;
    },
    { roots, extras, bodyTags: COMMENT_BODY_TAGS, articleTags: ARTICLE_BODY_TAGS },
  );
}

/**
 * Problems in HTML fragments read elsewhere (feed descriptions), parsed by the browser without
 * running them: elements outside `allowedTags`, other attributes than the sanitizer's, links and
 * images leaving http(s)/mailto.
 */
export async function htmlFragmentProblems(page: Page, fragments: string[], allowedTags: string[]): Promise<string[]> {
  return page.evaluate(
    ({ fragments, allowedTags }) =>
      fragments.flatMap((html, i) => {
        const body = new DOMParser().parseFromString(html, "text/html").body;
        return [...body.querySelectorAll("*")].flatMap((el) => {
          const found: string[] = [];
          if (!allowedTags.includes(el.tagName)) found.push(`fragment ${i}: <${el.tagName.toLowerCase()}>`);
          for (const attr of el.attributes) if (!["href", "title", "rel", "class", "start", "src", "alt"].includes(attr.name)) found.push(`fragment ${i}: ${attr.name} on <${el.tagName.toLowerCase()}>`);
          for (const name of ["href", "src"]) {
            const value = el.getAttribute(name);
            if (value === null) continue;
            let protocol = "invalid:";
            try {
              protocol = new URL(value, location.href).protocol;
            } catch {}
            if (!["http:", "https:", ...(name === "href" ? ["mailto:"] : [])].includes(protocol)) found.push(`fragment ${i}: ${name} ${value}`);
          }
          return found;
        });
      }),
    { fragments, allowedTags },
  );
}

/** Gives handlers (onerror of a broken image, onload, autofocus) their chance, then checks nothing ran. */
export async function expectNothingRan(page: Page, dialogs: string[], where: string, settleMs = 300): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(settleMs);
  expect(dialogs, `dialogs on ${where}`).toEqual([]);
  expect(await page.evaluate(() => window.__xss), `alert/confirm/prompt calls on ${where}`).toBe(0);
  expect(policyGaps.get(page) ?? [], `pages without a script policy, up to ${where}`).toEqual([]);
}
