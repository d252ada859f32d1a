// Shared helpers for the end-to-end specs. The specs read the site as a visitor does: they
// start from what the pages show and only use the demo data (prisma/demo) to know where the
// flagship discussion lives.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FLAGSHIP_SLUG, demoArticles } from "../prisma/demo";

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
  return threadComments(page).filter({ has: page.locator(":scope > details > summary", { hasText: FLAGGED_SUMMARY }) });
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
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`)
        .join("\n");
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n  ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
  expect(serious, `axe found serious/critical violations on ${what}:\n\n${report}`).toEqual([]);
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
