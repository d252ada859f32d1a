// Cached article pages learn who is looking after they load (components/auth/use-viewer.ts): the
// header's menu, the comment form, the ratings and each comment's options all need it, and they
// share one request for the viewer and their state in this article.
import { expect } from "@playwright/test";
import { commentForm, registerMember, waitUntilInteractive } from "./comments-helpers";
import { FLAGSHIP_PATH, newMember, test } from "./fixtures";

test("an article page asks who is looking once, for everything its islands show", async ({ page }) => {
  const member = newMember();
  await registerMember(page, member);
  const asked: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/viewer") asked.push(new URL(r.url()).search);
  });
  await page.goto(FLAGSHIP_PATH);
  await waitUntilInteractive(page);
  await expect(commentForm(page).getByText(`Signed in as ${member.name}.`, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rate this comment as insightful" }).first()).toBeVisible();
  // Every island has asked by now, or is about to: let the network settle before counting.
  await page.waitForLoadState("networkidle");
  expect(asked).toHaveLength(1);
  expect(asked[0]).toMatch(/^\?article=/);
});
