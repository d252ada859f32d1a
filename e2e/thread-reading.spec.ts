// Reading the thread in the reader's terms: times relative and in the reader's zone (UTC in the
// shared page without JavaScript), "New" since the last visit with a jump from one to the next,
// the permalink's target highlighted, the article's author and staff marked next to their
// names, and a hidden comment's title kept out of its replies' subjects. Times run on Playwright's
// injected clock, never on waiting.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { UNCOUNTED } from "./comments-helpers";
import { FLAGSHIP_PATH, createMemberAndSignIn, flaggedComment, newMember, ownBox, test, thread, threadComments, uniqueSuffix } from "./fixtures";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const widths = [1280, 360] as const;
const schemes = ["light", "dark"] as const;

type Stamp = { id: string; at: number };

/** Every comment of the flagship thread with the time the server says it was posted, in page order. */
async function stamps(page: Page): Promise<Stamp[]> {
  const response = await page.request.get(FLAGSHIP_PATH);
  const html = await response.text();
  const out: Stamp[] = [];
  // A deleted comment's placeholder has no time: never read past the next comment's start.
  const re = /<li class="comment" id="(comment-[^"]+)"(?:(?!<li )[\s\S])*?<time datetime="([^"]+)"/gi;
  for (const m of html.matchAll(re)) out.push({ id: m[1], at: Date.parse(m[2]) });
  expect(out.length).toBeGreaterThan(30);
  return out;
}

/** What shows of a comment in its place: its box, or the folded summary of a flagged one. */
const shownPart = (page: Page, id: string) => page.locator(`li.comment#${id}`).locator(":scope > .comment__box, :scope > details.flagged > summary");

const byline = (page: Page, id: string) =>
  page.locator(`li.comment#${id}`).locator(":scope > .comment__box .comment__byline, :scope > details > .comment__box .comment__byline");

test.describe("times", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  for (const width of widths) {
    test(`say how long ago, with the exact time in the reader's zone on hover and focus, and keep up (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const [first] = await stamps(page);
      await page.clock.install({ time: first.at + 3 * HOUR + 5 * MINUTE });
      await page.goto(FLAGSHIP_PATH);

      const time = byline(page, first.id).locator("time").first();
      await expect(time).toHaveText("3 hours ago");
      // The exact time, in Tokyo's zone, as the title: 9 hours ahead of UTC.
      const tokyo = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tokyo", hour: "numeric", minute: "2-digit" }).format(first.at);
      await expect(time).toHaveAttribute("title", new RegExp(`^\\w+day, \\w+ \\d{1,2}, \\d{4} at ${tokyo} GMT\\+9$`));
      await expect(time).toHaveAttribute("datetime", new Date(first.at).toISOString());
      // The time is the comment's permalink: reachable from the keyboard, where it shows the exact time too.
      const link = byline(page, first.id).locator("a.comment__when");
      await expect(link).toHaveAccessibleName("3 hours ago Permalink");
      await expect(link).toHaveAttribute("href", `/${first.id.replace("comment-", "comments/")}`);
      await link.focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      await expect(link).toBeFocused();
      // Focused from the keyboard, it says the exact time as well (a title alone would not show).
      await expect(link).toHaveAccessibleName(new RegExp(`^3 hours ago \\(.* at ${tokyo} GMT\\+9\\) Permalink$`));
      // The article's own byline reads the same way.
      await expect(page.locator("article > header .meta time").first()).toHaveText(/^(3|4) hours ago$/);

      // The page left open keeps up with the clock.
      await page.clock.fastForward(2 * DAY);
      await expect(time).toHaveText("2 days ago");
      await page.clock.fastForward(6 * DAY);
      const date = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tokyo", month: "short", day: "numeric" }).format(first.at);
      await expect(time).toHaveText(new RegExp(`^${date}(, \\d{4})?$`));
    });
  }

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the shared page says the time in UTC", async ({ page }) => {
      await page.goto(FLAGSHIP_PATH);
      const time = threadComments(page).first().locator(":scope > .comment__box .comment__byline time").first();
      await expect(time).toHaveText(/^\w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}(am|pm) UTC$/);
      await expect(time).toHaveAttribute("title", (await time.innerText()).trim());
      await expect(page.locator("article > header .meta time").first()).toHaveText(/ UTC$/);
    });
  });
});

test.describe("an edited comment", () => {
  test.use({ timezoneId: "America/New_York", viewport: { width: 360, height: 740 } });

  test("says it was edited and when, with the exact time in the reader's zone", async ({ page }) => {
    test.setTimeout(60_000); // a member signs up and posts first
    const member = newMember();
    await createMemberAndSignIn(page, member, UNCOUNTED.path);
    const form = page.locator("section#leave-a-comment form");
    await expect(form.getByText(`Signed in as ${member.name}.`)).toBeVisible();
    const text = `Said too soon ${uniqueSuffix()}`;
    await form.getByLabel("Comment", { exact: true }).fill(text);
    await form.getByRole("button", { name: "Post comment" }).click();
    const mine = thread(page).locator("li.comment").filter({ hasText: text });
    await expect(mine).toHaveCount(1);
    await expect(ownBox(mine).locator(".comment__edited")).toHaveCount(0);

    await page.goto(`/${(await mine.getAttribute("id"))!.replace("comment-", "comments/")}/edit`);
    await page.getByLabel("Comment", { exact: true }).fill(`${text}, and now said better`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${UNCOUNTED.path}#comment-`));
    const edited = ownBox(thread(page).locator("li.comment").filter({ hasText: `${text}, and now said better` })).locator(".comment__edited");
    await expect(edited).toHaveText(/^\(edited (just now|1 minute ago)\)$/);
    const when = edited.locator("time");
    await expect(when).toHaveAttribute("title", /^\w+day, \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M E[SD]T$/);
    const stamp = Date.parse((await when.getAttribute("datetime"))!);
    expect(Math.abs(Date.now() - stamp)).toBeLessThan(5 * MINUTE);
  });
});

test.describe("new since the last visit", () => {
  for (const width of widths) {
    for (const scheme of schemes) {
      test(`comments posted since the reader was last here are marked, and "N new comments" jumps from one to the next (${width} px, ${scheme})`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        const all = await stamps(page);
        // The reader was last here while the discussion was half as long as it is now.
        const sorted = [...all].sort((a, b) => a.at - b.at);
        const lastVisit = sorted[Math.floor(sorted.length / 2)].at + 1000;
        const fresh = all.filter((s) => s.at > lastVisit).map((s) => s.id);
        expect(fresh.length).toBeGreaterThan(2);

        await page.clock.install({ time: lastVisit });
        await page.goto(FLAGSHIP_PATH);
        // A first visit marks nothing.
        await expect(threadComments(page).first().locator(":scope > .comment__box .comment__byline time").first()).not.toHaveText(/UTC$/);
        await expect(thread(page).locator("li.comment[data-new]")).toHaveCount(0);
        await expect(thread(page).getByRole("link", { name: /new comment/ })).toHaveCount(0);

        // Back a few days later.
        await page.clock.setSystemTime(sorted.at(-1)!.at + 3 * DAY);
        await page.reload();
        const jump = thread(page).getByRole("link", { name: `${fresh.length} new comments` });
        await expect(jump).toBeVisible();
        const marked = await thread(page).locator("li.comment[data-new]").evaluateAll((lis) => lis.map((li) => li.id));
        expect(marked).toEqual(fresh);
        // The mark is visible: a "New" label in the byline, in a colour of its own.
        const label = await byline(page, fresh[0]).evaluate((el) => {
          const s = getComputedStyle(el, "::before");
          return { content: s.content, color: s.color, background: s.backgroundColor };
        });
        expect(label.content).toBe('"New"');
        expect(label.background).not.toBe(label.color);
        const old = all.find((s) => !fresh.includes(s.id))!;
        expect(await byline(page, old.id).evaluate((el) => getComputedStyle(el, "::before").content)).toBe("none");

        await jump.click();
        await expect(page).toHaveURL(new RegExp(`#${fresh[0]}$`));
        await expect(shownPart(page, fresh[0])).toBeInViewport();
        const next = thread(page).getByRole("link", { name: `Next new comment (2 of ${fresh.length})` });
        await expect(next).toBeFocused();
        await page.keyboard.press("Enter");
        await expect(page).toHaveURL(new RegExp(`#${fresh[1]}$`));
        await expect(shownPart(page, fresh[1])).toBeInViewport();

        // This visit is now the last one: a reload marks nothing.
        await page.reload();
        await expect(thread(page).locator("li.comment[data-new]")).toHaveCount(0);
      });
    }
  }
});

test.describe("a permalink's target", () => {
  for (const width of widths) {
    for (const scheme of schemes) {
      test(`is highlighted when reached by its permalink (${width} px, ${scheme})`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(FLAGSHIP_PATH);
        const target = (await threadComments(page).filter({ has: page.locator(":scope > .comment__box .comment__body") }).nth(12).getAttribute("id"))!;
        const firstId = (await threadComments(page).first().getAttribute("id"))!;
        await page.goto(`/${target.replace("comment-", "comments/")}`);
        await expect(page).toHaveURL(new RegExp(`${FLAGSHIP_PATH}#${target}$`));
        const box = ownBox(page.locator(`li.comment#${target}`));
        await expect(box).toBeInViewport();
        const look = (el: Element) => ({ background: getComputedStyle(el).backgroundColor, outline: getComputedStyle(el).outlineStyle });
        const highlighted = await box.evaluate(look);
        const other = await ownBox(page.locator(`li.comment#${firstId}`)).evaluate(look);
        expect(highlighted.outline).toBe("solid");
        expect(other.outline).toBe("none");
        expect(highlighted.background).not.toBe(other.background);
      });
    }
  }
});

test.describe("the article's author and staff", () => {
  for (const width of widths) {
    for (const scheme of schemes) {
      test(`carry a badge next to their names (${width} px, ${scheme})`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(FLAGSHIP_PATH);
        const articleAuthor = (await page.locator("article > header .meta a").first().innerText()).trim();
        const badgeOf = (label: string) => thread(page).locator(".comment__byline .standing", { hasText: new RegExp(`^${label}$`) });

        // The article's author, in the discussion under their own article.
        const author = badgeOf("Author").first();
        await expect(author).toBeVisible();
        await expect(author).toHaveAttribute("title", "Wrote this article");
        const who = author.locator("xpath=..");
        await expect(who.locator(".comment__author")).toHaveText(articleAuthor);
        // Staff: the site's moderator.
        const staff = badgeOf("Staff").first();
        await expect(staff).toBeVisible();
        await expect(staff).toHaveAttribute("title", "Moderates this site");
        // Next to the name, on its line.
        for (const badge of [author, staff]) {
          const name = (await badge.locator("xpath=../a").boundingBox())!;
          const b = (await badge.boundingBox())!;
          expect(Math.abs(b.y + b.height / 2 - (name.y + name.height / 2))).toBeLessThan(8);
          expect(b.x).toBeGreaterThan(name.x);
          // Readable on this scheme's surface.
          const colours = await badge.evaluate((el) => ({ fg: getComputedStyle(el).color, bg: getComputedStyle(el.closest(".comment__box")!).backgroundColor }));
          expect(colours.fg).not.toBe(colours.bg);
        }
        // Everyone else has none.
        const badged = await thread(page).locator(".comment__byline .standing").count();
        expect(badged).toBeLessThan(await thread(page).locator(".comment__byline").count() / 4);
      });
    }
  }
});

test.describe("a hidden comment's title", () => {
  test("does not show through its replies' subjects: not in the thread, the reply form, the feed or a profile", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const hidden = flaggedComment(page);
    const title = (await ownBox(hidden).locator(".comment__subject").textContent())!.trim();
    expect(title.length).toBeGreaterThan(5);
    const reply = hidden.locator(":scope > ul.comment-list > li.comment").first();
    await expect(ownBox(reply).getByRole("heading")).toHaveText("Re: (hidden comment)");
    // Nowhere on the page outside the folded comment itself.
    const elsewhere = await page.evaluate(
      ([t, id]) => {
        const own = document.querySelector(`li.comment#${id} > details.flagged`);
        // (Not the page's scripts: React's payload carries the folded comment's own text.)
        const shown = [...document.querySelectorAll("body *:not(script)")];
        return shown.filter((el) => el.children.length === 0 && el.textContent?.includes(t) && !own?.contains(el)).length;
      },
      [title, (await hidden.getAttribute("id"))!] as const,
    );
    expect(elsewhere).toBe(0);

    // The reply form's default subject for an answer to that reply.
    const replyId = (await reply.getAttribute("id"))!.replace("comment-", "");
    await page.goto(`/comments/${replyId}/reply`);
    await expect(page.getByLabel("Subject")).toHaveValue("Re: (hidden comment)");

    // The article's comment feed.
    const feed = await (await page.request.get(`${FLAGSHIP_PATH}/feed.xml`)).text();
    expect(feed).toContain("Re: (hidden comment)");
    expect(feed).not.toContain(title);

    // The replier's profile list.
    await page.goto(FLAGSHIP_PATH);
    const profile = (await ownBox(reply).locator("a.comment__author").getAttribute("href"))!;
    await page.goto(profile);
    await expect(page.getByText("Re: (hidden comment)").first()).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
  });
});

for (const scheme of schemes) {
  test(`the reading aids pass axe, target size included (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const all = await stamps(page);
    const sorted = [...all].sort((a, b) => a.at - b.at);
    const lastVisit = sorted[Math.floor(sorted.length / 2)].at + 1000;
    await page.clock.install({ time: lastVisit });
    await page.goto(FLAGSHIP_PATH);
    await expect(thread(page)).toHaveAttribute("data-live", "");
    await page.clock.setSystemTime(sorted.at(-1)!.at + DAY);
    await page.reload();
    // New marks, the jump link, a highlighted target, a folded thread and the badges, all at once.
    await thread(page).getByRole("link", { name: /new comments$/ }).click();
    await thread(page).locator("li.comment[data-depth='0'] > button.comment__fold").last().click();
    await expect(thread(page).locator("li.comment[data-collapsed]")).toHaveCount(1);
    const results = await new AxeBuilder({ page }).include("section#comments").options({ rules: { "target-size": { enabled: true } } }).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(found).toEqual([]);
  });
}
