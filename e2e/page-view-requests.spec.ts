// A page view costs the server the page and what the page itself needs (the viewer's state, the
// live discussion, the icon), not the pages it links to: links prefetch when a reader points at
// them (components/ui/intent-link.tsx), never because they are in view (issue 21).
//
// Counted: every request the browser sends to the site's own origin, except the content-hashed
// files under /_next/static/, which a browser fetches once per deployment and then keeps for a year
// (immutable), so they are no cost of a page view. Counted until the network is idle, after the
// page has hydrated and learned who is looking: a link prefetches as soon as it is mounted and in
// view, which is before that point, so a prefetch would be seen. Playwright's "networkidle" ignores
// the live discussion's EventSource (always open). This is stricter than the 5 s window
// (nothing is left out for being late) and takes as long as the page needs, not a fixed sleep.
import { expect, type Page, type Request } from "@playwright/test";
import { FLAGSHIP_PATH, FLAGSHIP_TITLE, test } from "./fixtures";

const BUDGET = 6;

// A request for a page's server-component data: while no link is followed, always a prefetch.
const isRsc = (r: Request) => r.headers()["rsc"] === "1";
const describe = (r: Request) => `${r.method()} ${new URL(r.url()).pathname}${isRsc(r) ? " (prefetch)" : ""}`;

/** Starts recording the page's requests to the site; the result reads what was sent so far. */
function recordRequests(page: Page, origin: string): () => Request[] {
  const sent: Request[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === origin && !url.pathname.startsWith("/_next/static/")) sent.push(r);
  });
  return () => [...sent];
}

/** Hydrated, and the header has asked who is looking (a visitor: it offers to sign in). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

for (const [name, path] of [
  ["the front page", "/"],
  ["an article page", FLAGSHIP_PATH],
] as const) {
  test(`opening ${name} sends at most ${BUDGET} requests to the server, none of them a prefetch`, async ({ page, baseURL }) => {
    const sent = recordRequests(page, new URL(baseURL!).origin);
    await page.goto(path);
    await settled(page);
    const requests = sent().map(describe);
    expect(requests.filter((r) => r.endsWith("(prefetch)")), requests.join("\n")).toEqual([]);
    expect(requests.length, requests.join("\n")).toBeLessThanOrEqual(BUDGET);
  });
}

test("pointing at a link prefetches its page, so following it needs nothing more from the server", async ({ page, baseURL }) => {
  await page.goto("/");
  await settled(page);
  const title = page.getByRole("main").getByRole("link", { name: FLAGSHIP_TITLE, exact: true });
  // The page itself, not only its route's outline (Next asks for that first: a segment-prefetch header).
  const prefetched = page.waitForResponse((r) => isRsc(r.request()) && !r.request().headers()["next-router-segment-prefetch"] && new URL(r.url()).pathname === FLAGSHIP_PATH);
  await title.hover();
  await prefetched;

  const sent = recordRequests(page, new URL(baseURL!).origin);
  await title.click();
  await expect(page).toHaveURL(new RegExp(`${FLAGSHIP_PATH}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FLAGSHIP_TITLE);
  // A client-side navigation from what the hover fetched: no document, no second render of the page.
  expect(sent().map(describe).filter((r) => r.includes(FLAGSHIP_PATH))).toEqual([]);
});
