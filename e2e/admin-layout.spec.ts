// The admin and moderation screens as their users see them on a desktop (1280 px) and a phone
// (360 px), in both colour schemes: a wide column with real tables on the desktop, a card per
// row on the phone and no sideways scrolling, one primary action per row, checkboxes beside
// their labels, and no word (or email address) broken between letters.
import { expect, type Locator, type Page } from "@playwright/test";
import { type Member, expectNoA11yViolations, memberWithRole, newBrowserContext, signInAs, submit, test } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const SCHEMES = ["light", "dark"] as const;
const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 360, height: 740 },
] as const;
const MEMBER_COLUMNS = ["Member", "Email", "Joined", "Role", "Trust", "Credits", "Posting"];

/** Lines that end inside a word: `before|after` for each. A line may end at a space or a hyphen,
 * and before an email's "@" or dots. What members wrote (comment text) is left out, and so is a
 * word wider than its whole line or 16 characters long (a generated handle in a phone's card
 * cell): breaking it is the only way to keep the page from scrolling sideways. */
async function wordsBrokenIn(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest(".comment__box") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const range = document.createRange();
    // Whether the word around `at` is wider than the block it sits in, so no line could hold it.
    const tooWide = (node: Text, at: number): boolean => {
      const start = node.data.slice(0, at).search(/\S+$/);
      const rest = node.data.slice(at).search(/\s/);
      const word = document.createRange();
      word.setStart(node, start < 0 ? at : start);
      word.setEnd(node, rest < 0 ? node.data.length : at + rest);
      // A token this long (a generated handle, an email, an id) has no natural place to break.
      if (word.toString().length >= 16) return true;
      const width = [...word.getClientRects()].reduce((sum, r) => sum + r.width, 0);
      let block: Element | null = node.parentElement;
      while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      if (!block) return false;
      const style = getComputedStyle(block);
      return width > block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    };
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      let lastTop: number | null = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect) continue;
        const before = text[i - 1] ?? " ";
        if (lastTop !== null && rect.top > lastTop + 2 && /\S/.test(before) && !/[-–/]/.test(before) && !/[@.]/.test(text[i]) && !tooWide(node, i)) {
          broken.push(`${text.slice(Math.max(0, i - 15), i)}|${text.slice(i, i + 15)}`);
        }
        lastTop = rect.top;
      }
    }
    return broken;
  });
}

/** Visible buttons drawn as the primary action (filled with the accent colour). */
async function primaryButtonCount(root: Locator): Promise<number> {
  return root.locator("button").evaluateAll(
    (buttons) => buttons.filter((b) => b.checkVisibility() && getComputedStyle(b).backgroundColor !== "rgba(0, 0, 0, 0)").length,
  );
}

async function expectNoSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width + 1);
}

/** The table's rows are cards: one under another, within the screen, each value named. */
async function expectCards(table: Locator, width: number, labels: string[]) {
  const rows = await table.locator(":scope > tbody > tr").all();
  expect(rows.length).toBeGreaterThan(0);
  let bottom = 0;
  for (const row of rows) {
    const box = (await row.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.y, "each card starts below the one before").toBeGreaterThanOrEqual(bottom);
    bottom = box.y + box.height;
    for (const label of labels) await expect(row.locator(".admin-table__label", { hasText: label })).toBeVisible();
  }
  // The column headers are off the screen but still heard: the cells keep their table semantics.
  expect((await table.locator(":scope > thead").boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
  await expect(table.getByRole("columnheader").first()).toBeAttached();
}

async function switchScheme(page: Page, scheme: (typeof SCHEMES)[number]) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.reload();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg, `${scheme} background`).toBe(scheme === "dark" ? "rgb(22, 24, 29)" : "rgb(251, 250, 247)");
}

for (const size of WIDTHS) {
  test.describe(`${size.name}, ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    const isPhone = size.width < 600;

    test("the members list: a table or cards, one primary action per member, whole words and addresses", async ({ page }) => {
      const admin = await memberWithRole("admin");
      const reader: Member = await memberWithRole("reader");
      await signInAs(page, admin);
      await page.goto("/admin/users");
      const table = page.getByRole("table");
      for (const scheme of SCHEMES) {
        await switchScheme(page, scheme);
        await expectNoSidewaysScroll(page, size.width);
        if (isPhone) {
          await expectCards(table, size.width, MEMBER_COLUMNS.slice(1));
        } else {
          // A header row a person can read, each heading on one line.
          const headers = table.getByRole("row").first().getByRole("columnheader");
          await expect(headers).toHaveText(MEMBER_COLUMNS);
          for (const header of await headers.all()) expect((await header.boundingBox())!.height).toBeLessThan(40);
          // The table uses the wide column, not the 46rem reading one.
          expect((await table.boundingBox())!.width).toBeGreaterThan(46 * 16 + 100);
        }
        const rows = table.locator(":scope > tbody > tr");
        for (const row of await rows.all()) expect(await primaryButtonCount(row), `primary buttons in ${await row.locator("td").first().innerText()}`).toBe(1);
        expect(await wordsBrokenIn(table)).toEqual([]);
        await expectNoA11yViolations(page, `/admin/users (${size.name}, ${scheme})`);
      }

      // The row's forms work where they are: credits granted from the card or the table.
      await page.getByRole("searchbox", { name: "Search members" }).fill(reader.handle);
      await page.getByRole("search").getByRole("button", { name: "Search" }).click();
      const row = page.getByRole("row").filter({ hasText: `@${reader.handle}` });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(reader.email);
      await row.getByLabel(`Credits to grant ${reader.handle}`).fill("2");
      await submit(page, row.getByRole("button", { name: "Grant credits" }));
      await expect(row.getByRole("status")).toHaveText("Done: the balance is now 2.");
      // The ban waits behind its own summary; opened, it asks for a reason.
      await expect(row.getByLabel(`Reason for banning ${reader.handle}`)).toBeHidden();
      await row.getByText("Ban from posting…").click();
      await expect(row.getByLabel(`Reason for banning ${reader.handle}`)).toBeVisible();
      expect(await wordsBrokenIn(row)).toEqual([]);
      await expectNoSidewaysScroll(page, size.width);
    });

    test("the site settings: each checkbox beside its label, fields in groups", async ({ page }) => {
      await signInAs(page, await memberWithRole("admin"));
      await page.goto("/admin/settings");
      for (const scheme of SCHEMES) {
        await switchScheme(page, scheme);
        await expectNoSidewaysScroll(page, size.width);
        const boxes = await page.getByRole("checkbox").all();
        expect(boxes.length).toBeGreaterThanOrEqual(2);
        for (const checkbox of boxes) {
          // Both measured in one go: the header's signed-in island, filled in after load, can move
          // the whole form down between two separate measurements.
          const { box, label } = await checkbox.evaluate((input) => {
            const rect = (el: Element) => {
              const { x, y, width, height } = el.getBoundingClientRect();
              return { x, y, width, height };
            };
            return { box: rect(input), label: rect(document.querySelector(`label[for="${input.id}"]`)!) };
          });
          expect(box.x + box.width, "the box is left of its label").toBeLessThanOrEqual(label.x);
          expect(box.y < label.y + label.height && label.y < box.y + box.height, "the box and its label share a line").toBe(true);
          expect(box.width).toBeGreaterThanOrEqual(24);
        }
        expect(await wordsBrokenIn(page.getByRole("main"))).toEqual([]);
        await expectNoA11yViolations(page, `/admin/settings (${size.name}, ${scheme})`);
      }
      await page.goto("/admin");
      await expectNoSidewaysScroll(page, size.width);
      await expectNoA11yViolations(page, `/admin (${size.name})`);
    });

    test("moderation: one primary decision per comment, the log and the flags as tables or cards", async ({ page }) => {
      await signInAs(page, await memberWithRole("moderator"));
      // The demo's flagged comment waits in the queue and among the reports (its flags are unjudged).
      for (const path of ["/moderation", "/moderation/reported"]) {
        await page.goto(path);
        const entries = page.getByRole("main").locator("article.queue-item");
        await expect(entries.first()).toBeVisible();
        for (const scheme of SCHEMES) {
          await switchScheme(page, scheme);
          await expectNoSidewaysScroll(page, size.width);
          for (const entry of await entries.all()) expect(await primaryButtonCount(entry)).toBe(1);
          const tables = page.getByRole("main").locator("table.admin-table--cards");
          for (const table of await tables.all()) {
            if (isPhone) await expectCards(table, size.width, []);
            else await expect(table.getByRole("row").first().getByRole("columnheader").first()).toBeVisible();
          }
          expect(await wordsBrokenIn(page.getByRole("main"))).toEqual([]);
          await expectNoA11yViolations(page, `${path} (${size.name}, ${scheme})`);
        }
      }
      // The reported entry's flags are a table of their own: on a phone, a card per flag.
      if (isPhone) await expectCards(page.locator("table.report-flags").first(), size.width, ["Trust", "Reason", "Weight", "From", "When"]);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the folded ban form opens, comes back open with its error, then bans; the row offers to lift it", async ({ page, browser, baseURL }) => {
    // Signed in where the header's account island can confirm it, then the session moves over.
    const withScript = await newBrowserContext(browser, baseURL);
    await signInAs(await withScript.newPage(), await memberWithRole("admin"));
    await page.context().addCookies(await withScript.cookies());
    await withScript.close();
    const reader = await memberWithRole("reader");
    await page.goto(`/admin/users?q=${reader.handle}`);
    const row = () => page.getByRole("row").filter({ hasText: `@${reader.handle}` });
    await row().getByText("Ban from posting…").click();
    await submit(page, row().getByRole("button", { name: "Ban from posting", exact: true }));
    await expect(row().getByLabel(`Reason for banning ${reader.handle}`)).toBeVisible();
    await expect(row().getByText("Say why the member is banned.")).toBeVisible();
    await row().getByLabel(`Reason for banning ${reader.handle}`).fill("Spam in every thread");
    await submit(page, row().getByRole("button", { name: "Ban from posting", exact: true }));
    await page.goto(`/admin/users?q=${reader.handle}`);
    await expect(row()).toContainText("(banned)");
    await expect(row().getByRole("button", { name: `Lift the ban on ${reader.handle}` })).toBeVisible();
    expect(await primaryButtonCount(row())).toBe(1);
  });
});
