// Finding one's way through a long thread: folding a whole thread to one line (once the page's
// island runs; without JavaScript the button is not offered), deep replies on a phone that stop indenting but say how deep
// they are and whom they answer, and the "Edit or delete" link of a comment just posted.
import type { Page } from "@playwright/test";
import { UNCOUNTED, clickAndWaitForPost, commentForm, commentWithText, expect, fillCommentForm, moreActions, registerMember, replyControl } from "./comments-helpers";
import { FLAGSHIP_PATH, newMember, ownBox, realComments, test, thread, threadComments, uniqueSuffix } from "./fixtures";

/** The top-level comment with the most replies under it, and how many of them are real comments. */
async function busiestTopLevel(page: Page) {
  const tops = threadComments(page).and(page.locator("[data-depth='0']"));
  const counts = await tops.evaluateAll((els) =>
    els.map((el) => ({ id: el.id, replies: el.querySelectorAll("li.comment:not(:has(> .comment__box > .comment__tombstone))").length })),
  );
  const busiest = counts.sort((a, b) => b.replies - a.replies)[0];
  expect(busiest.replies).toBeGreaterThanOrEqual(3);
  return { comment: page.locator(`li.comment#${busiest.id}`), replies: busiest.replies };
}

for (const width of [1280, 360]) {
  test(`a whole thread folds to one line from its header and comes back, by mouse and by keyboard (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(FLAGSHIP_PATH);
    const { comment, replies } = await busiestTopLevel(page);
    const count = `${replies + 1} comments`;
    const fold = comment.locator(":scope > button.comment__fold");
    const firstReply = comment.locator(":scope > ul.comment-list > li.comment").first();
    const name = (await ownBox(comment).locator(".comment__author").first().innerText()).trim();
    await expect(fold).toHaveAccessibleName(`Collapse this thread (${count})`);
    await expect(fold).toHaveAttribute("aria-expanded", "true");
    await expect(ownBox(firstReply)).toBeVisible();
    // It sits in the comment's first line, and is big enough to hit.
    const button = (await fold.boundingBox())!;
    const box = (await ownBox(comment).boundingBox())!;
    expect(button.y).toBeLessThan(box.y + 40);
    expect(button.width).toBeGreaterThanOrEqual(24);
    expect(button.height).toBeGreaterThanOrEqual(24);
    const before = (await comment.boundingBox())!.height;

    await fold.click();
    await expect(fold).toHaveAttribute("aria-expanded", "false");
    await expect(fold).toHaveAccessibleName(`Expand this thread (${count})`);
    // The comment and everything under it fold to one line saying who and how much.
    await expect(ownBox(comment)).toBeHidden();
    await expect(ownBox(firstReply)).toBeHidden();
    await expect(comment.getByText(`${name} · ${count} hidden`, { exact: true })).toBeVisible();
    expect((await comment.boundingBox())!.height).toBeLessThan(Math.min(before, 60));
    await expect(fold).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(fold).toHaveAttribute("aria-expanded", "true");
    await expect(ownBox(comment)).toBeVisible();
    await expect(ownBox(firstReply)).toBeVisible();
    await page.keyboard.press("Space");
    await expect(ownBox(comment)).toBeHidden();
  });
}

test("a reply's thread folds on its own, leaving its parent in view", async ({ page }) => {
  await page.goto(FLAGSHIP_PATH);
  const { comment } = await busiestTopLevel(page);
  const reply = comment.locator(":scope > ul.comment-list > li.comment").first();
  await reply.locator(":scope > button.comment__fold").click();
  await expect(ownBox(reply)).toBeHidden();
  await expect(ownBox(comment)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("no fold button is offered (it would do nothing) and every reply is in view", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    await expect(thread(page).getByRole("button", { name: /this thread/ })).toHaveCount(0);
    const { comment } = await busiestTopLevel(page);
    await expect(ownBox(comment.locator(":scope > ul.comment-list > li.comment").first())).toBeVisible();
  });
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("deep replies stop indenting, and each says its level and whom it answers", async ({ page }) => {
    await page.goto(FLAGSHIP_PATH);
    const deepest = await threadComments(page).evaluateAll((els) => Math.max(...els.map((e) => Number(e.getAttribute("data-depth")))));
    expect(deepest).toBeGreaterThanOrEqual(5);
    // The chain of comments from the top of the thread down to one of the deepest.
    const chain = await threadComments(page)
      .and(page.locator(`[data-depth="${deepest}"]`))
      .first()
      .evaluate((el) => {
        const ids: string[] = [];
        for (let li: Element | null = el; li; li = li.parentElement?.closest("li.comment") ?? null) ids.unshift(li.id);
        return ids;
      });
    expect(chain).toHaveLength(deepest + 1);

    const lefts: number[] = [];
    for (const [depth, id] of chain.entries()) {
      const comment = page.locator(`li.comment#${id}`);
      const marker = comment.locator(":scope > .comment__depth");
      if (depth < 4) {
        await expect(marker).toHaveCount(0);
      } else {
        const parentName = (await ownBox(page.locator(`li.comment#${chain[depth - 1]}`)).locator(".comment__author").innerText()).trim();
        await expect(marker).toHaveText(new RegExp(`Level ${depth + 1}, in reply to ${parentName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
        await expect(marker.getByRole("link", { name: parentName })).toHaveAttribute("href", `#${chain[depth - 1]}`);
      }
      lefts.push((await ownBox(comment).boundingBox())!.x);
    }
    // Indented down to level 4, then no further.
    for (let d = 1; d < 4; d++) expect(lefts[d]).toBeGreaterThan(lefts[d - 1]);
    for (let d = 5; d < lefts.length; d++) expect(lefts[d]).toBeCloseTo(lefts[4], 0);

    // The link takes the reader up to the comment being answered.
    const last = page.locator(`li.comment#${chain.at(-1)}`);
    await last.locator(":scope > .comment__depth a").click();
    await expect(page).toHaveURL(new RegExp(`#${chain.at(-2)}$`));
  });
});

test("a member's comment posted with JavaScript shows its Edit link at once", async ({ page }) => {
  const member = newMember();
  await registerMember(page, member);
  // (This article may have no comments yet, so no "Reply" button tells that the page is live;
  // "Signed in as" does, since only the hydrated form asks who is looking.)
  await page.goto(UNCOUNTED.path);
  await expect(commentForm(page).getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
  const body = `Posted and then reconsidered ${uniqueSuffix()}`;
  const form = commentForm(page);
  await fillCommentForm(form, { body });
  await clickAndWaitForPost(page, form.getByRole("button", { name: "Post comment" }));
  const posted = commentWithText(page, body);
  await expect(posted).toHaveCount(1);
  // Edit and delete are in the comment's "⋯" menu.
  await moreActions(posted).click();
  const edit = replyControl(posted).getByRole("link", { name: "Edit", exact: true });
  await expect(edit).toBeVisible();
  await expect(replyControl(posted).getByRole("link", { name: "Delete", exact: true })).toHaveAttribute("href", /\/comments\/[\w-]+\/edit$/);
  await edit.click();
  await expect(page).toHaveURL(/\/comments\/[\w-]+\/edit$/);
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue(body);
  // Back on the article, the link now comes from the server's list of the member's comments, and
  // other comments in the thread did not gain one.
  await page.goBack();
  await expect(commentForm(page).getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
  await moreActions(posted).click();
  await expect(replyControl(posted).getByRole("link", { name: "Edit", exact: true })).toBeVisible();
  const others = realComments(page).filter({ hasNotText: body, has: page.locator(":scope > .comment-actions .action--more[aria-expanded]") });
  for (const other of (await others.all()).slice(0, 3)) {
    await moreActions(other).click();
    await expect(replyControl(other).locator(".more-menu__panel")).toBeVisible();
    await expect(replyControl(other).getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  }
});
