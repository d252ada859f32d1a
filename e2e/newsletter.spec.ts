// The Daily Newsletter as a reader meets it: the sign-up box in the site footer, the mail that
// arrives (at the real SMTP receiver scripts/e2e.ts runs), its confirmation link, a digest sent
// by `npm run newsletter:send`, and the unsubscribe link every mail carries.
import { expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { expectFieldError, submit, test, uniqueSuffix } from "./fixtures";
import { linkIn, mailsTo, waitForMail } from "./mail";

const newAddress = () => `news.${uniqueSuffix()}@example.test`;
const footer = (page: Page) => page.getByRole("contentinfo");
const heading = (page: Page) => page.getByRole("heading", { level: 1 });

function tsx(...args: string[]): string {
  return execFileSync("npx", ["tsx", ...args], { env: process.env, cwd: process.cwd(), encoding: "utf8", stdio: "pipe" }).trim();
}

async function signUpInFooter(page: Page, email: string): Promise<void> {
  await page.goto("/");
  await footer(page).getByLabel("Email address").fill(email);
  await submit(page, footer(page).getByRole("button", { name: "Subscribe" }));
  await expect(footer(page).getByRole("status")).toContainText("Check your inbox");
}

test("a visitor signs up in the footer, confirms through the mailed link, gets a digest and unsubscribes from it", async ({ page }) => {
  test.setTimeout(90_000); // two command-line runs (tsx) on top of the browsing
  const email = newAddress();
  await signUpInFooter(page, email);

  const confirmation = await waitForMail(email, /^Confirm your subscription/);
  await page.goto(linkIn(confirmation, "/newsletter/confirm"));
  await expect(heading(page)).toHaveText("You're subscribed");

  const day = tsx("e2e/tasks/digest-day.ts");
  expect(tsx("scripts/newsletter-send.ts", "--day", day)).toMatch(new RegExp(`^newsletter: ${day}: \\d+ articles?; sent [1-9]`, "m"));
  const digest = await waitForMail(email, new RegExp(`Daily Newsletter, ${day}`));
  expect(digest.html).toContain("Unsubscribe</a>");
  // Running it again sends this subscriber nothing more.
  tsx("scripts/newsletter-send.ts", "--day", day);
  expect(mailsTo(email).filter((m) => m.subject.includes(day))).toHaveLength(1);

  // Opening the link changes nothing by itself (link scanners open links too); the button does.
  await page.goto(linkIn(digest, "/newsletter/unsubscribe"));
  await expect(heading(page)).toHaveText("Unsubscribe from the Daily Newsletter?");
  await page.getByRole("main").getByRole("button", { name: "Unsubscribe" }).click();
  await expect(heading(page)).toHaveText("You're unsubscribed");
});

test("a malformed address gets an error next to the field and keeps what was typed", async ({ page }) => {
  await page.goto("/");
  const field = footer(page).getByLabel("Email address");
  await field.fill("not-an-address");
  await submit(page, footer(page).getByRole("button", { name: "Subscribe" }));
  await expectFieldError(field, "Enter a valid email address, like name@example.com.");
  await expect(field).toHaveValue("not-an-address");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-up works, and a mail client's one-click unsubscribe (RFC 8058) works", async ({ page }) => {
    const email = newAddress();
    await signUpInFooter(page, email);
    const mail = await waitForMail(email, /^Confirm your subscription/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const oneClick = /^<(.+)>$/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1];
    expect(oneClick).toMatch(/\/api\/newsletter\/unsubscribe\?token=[\w-]+$/);

    const response = await page.request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } });
    expect(response.status()).toBe(200);
    await page.goto(linkIn(mail, "/newsletter/unsubscribe"));
    await expect(heading(page)).toHaveText("You're unsubscribed");
  });
});
