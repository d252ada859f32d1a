// Accounts, the way a reader meets them: register, sign out and in again, come back to the
// article they were reading, get the sign-in errors right (without telling who has an account),
// be throttled after repeated failures, never be sent off-site, and have a session that really
// ends on sign-out.
import { expect, type Browser, type Dialog, type Page, type Request } from "@playwright/test";
import {
  CHECK_YOUR_EMAIL_HEADING,
  FLAGSHIP_PATH,
  type Member,
  confirmEmailFromMail,
  createMemberAndSignIn,
  expectSignedInAs,
  expectSignedOut,
  formAlert,
  memberWithRole,
  newBrowserContext,
  newMember,
  siteHeader,
  signInAs,
  signOutFromHeader,
  submit,
  submitSignIn,
  test,
  viewerOf,
} from "./fixtures";

// Several sign-ins, sign-ups and page loads per test: on a busy machine they outgrow the default 30 s.
test.describe.configure({ timeout: 60_000 });

const WRONG = "Wrong email or password.";
const THROTTLED = /^Too many failed sign-in attempts\. Please try again in (\d+) minutes?\.$/;

test("register, confirm the address from the mail, sign in; sign out; sign in again; the profile shows the member", async ({ page }) => {
  const member = newMember();
  await page.goto("/");
  await expectSignedOut(page);
  await siteHeader(page).getByRole("link", { name: "Register", exact: true }).click();
  await expect(page).toHaveURL(/\/register\?callbackUrl=%2F$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register");

  // The handle is left blank: one is derived from the name, and the form says which.
  await page.getByLabel("Name", { exact: true }).fill(member.name);
  const derived = member.name.toLowerCase().replace(" ", "_");
  await expect(page.getByLabel("Handle", { exact: true })).toHaveAccessibleDescription(new RegExp(`Leave it blank to use ${derived}\\.`));
  await page.getByLabel("Email", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Register", exact: true }).click();

  // Registering signs nobody in: the same page follows whether or not the address had an account.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
  await expectSignedOut(page);
  // The mailed link confirms the address and offers to sign in; then back where they started.
  await confirmEmailFromMail(page, member.email);
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await submitSignIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/$/);
  const registered = { ...member, handle: derived };
  await expectSignedInAs(page, registered);
  await expect(siteHeader(page).getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings");
  await expect(siteHeader(page).getByRole("link", { name: "Admin" })).toHaveCount(0);

  await signOutFromHeader(page);
  await expect(page).toHaveURL(/\/$/);

  await siteHeader(page).getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  // Email addresses are not case-sensitive.
  await submitSignIn(page, member.email.toUpperCase(), member.password);
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, registered);

  await siteHeader(page).getByRole("link", { name: member.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${derived}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(member.name);
  await expect(page.getByRole("main")).toContainText(`@${derived} · Joined`);
  await expect(page.getByRole("list", { name: "Community ratings" })).toContainText("0 comments");
  await expect(page.getByRole("heading", { level: 2, name: `Comments by ${member.name}` })).toBeVisible();
  await expect(page.getByRole("main").getByText("No comments yet.")).toBeVisible();
  // Never the email.
  await expect(page.getByRole("main")).not.toContainText(member.email);
});

test.describe("from an article's comment box", () => {
  const back = `${FLAGSHIP_PATH}#leave-a-comment`;

  function gate(page: Page) {
    return page.getByRole("region", { name: "Leave a comment" });
  }

  test("“Register here”, then “Sign in” on the “Check your email” page, returns to the article's comment box", async ({ page }) => {
    const member = newMember();
    await page.goto(FLAGSHIP_PATH);
    await expect(gate(page)).toContainText("Have an account? Sign in now. Want one? Register here");
    await gate(page).getByRole("link", { name: "Register here" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/register" && url.searchParams.get("callbackUrl") === back);

    await page.getByLabel("Name", { exact: true }).fill(member.name);
    await page.getByLabel("Handle", { exact: true }).fill(member.handle);
    await page.getByLabel("Email", { exact: true }).fill(member.email);
    await page.getByLabel("Password", { exact: true }).fill(member.password);
    await page.getByRole("button", { name: "Register", exact: true }).click();

    // Signing in before the address is confirmed is fine (the member counts as new meanwhile).
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
    await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === back);
    await submitSignIn(page, member.email, member.password);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === back && url.search === "");
    await expectSignedInAs(page, member);
    await expect(gate(page)).toContainText(`Signed in as ${member.name}.`);
  });

  test("“Sign in now” returns to the article's comment box, signed in", async ({ page }) => {
    const member = newMember();
    await createMemberAndSignIn(page, member, FLAGSHIP_PATH);
    // Signing out from the article comes back to it.
    await signOutFromHeader(page);
    await expect(page).toHaveURL((url) => url.pathname === FLAGSHIP_PATH);

    await gate(page).getByRole("link", { name: "Sign in now" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === back);
    await submitSignIn(page, member.email, member.password);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === back && url.search === "");
    await expectSignedInAs(page, member);
    await expect(gate(page)).toContainText(`Signed in as ${member.name}.`);
  });
});

test("a wrong password and an unknown email get the same message, and the typed email stays", async ({ page }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);
  await signOutFromHeader(page);

  await page.goto("/signin");
  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });

  await submitSignIn(page, member.email, "not-the-password-at-all");
  await expect(password).toHaveValue("");
  const wrongPassword = formAlert(page, WRONG);
  await expect(wrongPassword).toBeVisible();
  await expect(wrongPassword).toHaveText(WRONG);
  await expect(email).toHaveValue(member.email);
  await expectSignedOut(page);

  const stranger = newMember().email;
  await submitSignIn(page, stranger, member.password);
  await expect(password).toHaveValue("");
  await expect(email).toHaveValue(stranger);
  const unknownEmail = formAlert(page, WRONG);
  await expect(unknownEmail).toHaveText(WRONG);
  // Neither field is singled out: nothing tells which of the two was wrong.
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await expect(password).not.toHaveAttribute("aria-invalid", "true");
  await expectSignedOut(page);
  expect(await viewerOf(page.context(), page.url())).toMatchObject({ signedIn: false });

  // The right password still works (two failures are far from the limit).
  await submitSignIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, member);
});

test("after five failures for one email from one network even the right password is refused there, but not elsewhere", async ({ page, browser, baseURL }) => {
  // Failures count over a sliding 15 minutes, not in clock-aligned windows, so the five guesses
  // may straddle a quarter hour: lib/auth/credentials.test.ts proves it on an injected clock.
  // Registration through the form and six sign-ins take about 20 s on a busy machine.
  test.setTimeout(60_000);
  const member = newMember();
  await createMemberAndSignIn(page, member);
  await signOutFromHeader(page);
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, member.email, `wrong-guess-number-${attempt}`);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(formAlert(page, WRONG), `attempt ${attempt}`).toHaveText(WRONG);
  }

  // The sixth, with the right password: refused, with the time to wait.
  await submitSignIn(page, member.email, member.password);
  const throttled = formAlert(page, THROTTLED);
  await expect(throttled).toBeVisible();
  const minutes = Number(THROTTLED.exec((await throttled.textContent()) ?? "")?.[1]);
  expect(minutes).toBeGreaterThanOrEqual(1);
  expect(minutes).toBeLessThanOrEqual(15);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(member.email);
  await expect(page).toHaveURL(/\/signin$/);
  await expectSignedOut(page);

  // The lock is the email's on this network only: guesses aimed at someone's email from another
  // network cannot lock them out of their own. Another browser on another network gets in.
  const elsewhere = await newBrowserContext(browser, baseURL);
  try {
    const other = await elsewhere.newPage();
    await other.goto("/signin");
    await submitSignIn(other, member.email, member.password);
    await expect(other).toHaveURL(/\/$/);
    expect(await viewerOf(elsewhere, baseURL)).toMatchObject({ signedIn: true, handle: member.handle });
  } finally {
    await elsewhere.close();
  }

  // The address itself is not locked out: another member signs in from this browser.
  const someoneElse = newMember();
  await createMemberAndSignIn(page, someoneElse);
  await signOutFromHeader(page);
  await page.goto("/signin");
  await submitSignIn(page, someoneElse.email, someoneElse.password);
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, someoneElse);
});

test.describe("after signing in, callbackUrl never leads off the site", () => {
  /** Signs in at /signin?callbackUrl=<target> and checks the browser never left the site. */
  async function signInWithCallback(page: Page, site: string, member: Member, target: string) {
    const offSite: string[] = [];
    const onRequest = (request: Request) => {
      const url = request.url();
      if (!url.startsWith(`${site}/`) && !url.startsWith("data:")) offSite.push(url);
    };
    const onDialog = async (dialog: Dialog) => {
      offSite.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    };
    page.on("request", onRequest);
    page.on("dialog", onDialog);
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    await submitSignIn(page, member.email, member.password);
    await expect(page).toHaveURL((url) => url.origin === site && url.pathname !== "/signin");
    await expectSignedInAs(page, member);
    expect(new URL(page.url()).origin).toBe(site);
    expect(offSite, `callbackUrl=${target}`).toEqual([]);
    page.off("request", onRequest);
    page.off("dialog", onDialog);
  }

  async function registeredElsewhere(browser: Browser, baseURL: string | undefined): Promise<Member> {
    const member = newMember();
    const setup = await newBrowserContext(browser, baseURL);
    try {
      await createMemberAndSignIn(await setup.newPage(), member);
    } finally {
      await setup.close();
    }
    return member;
  }

  for (const target of ["//evil.com", "https://evil.com", "/\\evil.com", "javascript:alert(1)"]) {
    test(`callbackUrl=${target}`, async ({ page, browser, baseURL }) => {
      const member = await registeredElsewhere(browser, baseURL);
      await signInWithCallback(page, new URL(baseURL!).origin, member, target);
      // Nowhere else to go: the home page.
      await expect(page).toHaveURL(new URL("/", baseURL).toString());
    });
  }

  test("more disguises: encoded slashes, backslashes, leading space, tab, an at-sign", async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const member = await registeredElsewhere(browser, baseURL);
    for (const target of ["/%2F%2Fevil.com", "\\\\evil.com", " //evil.com", "/\t/evil.com", "//evil.com@localhost", "https:evil.com"]) {
      await signInWithCallback(page, new URL(baseURL!).origin, member, target);
      await signOutFromHeader(page);
    }
  });

  // "/./" and "/x/../" collapse when the URL is normalized: what is left must still be a path here.
  test("dot segments that collapse into //evil.com", async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const member = await registeredElsewhere(browser, baseURL);
    for (const target of ["/.//evil.com", "/a/..//evil.com", "/%2e//evil.com"]) {
      await signInWithCallback(page, new URL(baseURL!).origin, member, target);
      await signOutFromHeader(page);
    }
  });

  test("sign-out's callbackUrl stays on the site too", async ({ page, baseURL }) => {
    const site = new URL(baseURL!).origin;
    for (const target of ["//evil.com", "https://evil.com", "/\\evil.com", "/.//evil.com"]) {
      const response = await page.context().request.post(new URL("/signout", baseURL).toString(), {
        headers: { Origin: site },
        form: { callbackUrl: target },
        maxRedirects: 0,
      });
      expect(response.status(), target).toBe(303);
      const location = new URL(response.headers()["location"] ?? "", `${site}/signout`);
      expect(location.origin, `sign-out with callbackUrl=${target} redirects to ${response.headers()["location"]}`).toBe(site);
    }
  });

  test("the “Continue” link of a signed-in reader's /signin page stays on the site", async ({ page, baseURL }) => {
    const site = new URL(baseURL!).origin;
    await createMemberAndSignIn(page, newMember());
    for (const target of ["//evil.com", "https://evil.com", "/\\evil.com", "/.//evil.com", "/a/..//evil.com"]) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
      const href = await page.getByRole("main").getByRole("link", { name: "Continue" }).getAttribute("href");
      expect(new URL(href ?? "", `${site}/signin`).origin, `callbackUrl=${target} gives Continue → ${href}`).toBe(site);
    }
  });

  test("a tampered hidden callbackUrl is checked again by the server", async ({ page, baseURL }) => {
    const site = new URL(baseURL!).origin;
    const member = newMember();
    await page.goto("/register");
    await page.getByLabel("Name", { exact: true }).fill(member.name);
    await page.getByLabel("Email", { exact: true }).fill(member.email);
    await page.getByLabel("Password", { exact: true }).fill(member.password);
    await page.locator('input[type="hidden"][name="callbackUrl"]').evaluate((input: HTMLInputElement) => (input.value = "https://evil.com/"));
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_YOUR_EMAIL_HEADING);
    await expect(page).toHaveURL((url) => url.origin === site && url.searchParams.get("callbackUrl") === "/");
    await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
    await submitSignIn(page, member.email, member.password);
    await expect(page).toHaveURL(`${site}/`);
    await expectSignedInAs(page, { name: member.name, handle: member.name.toLowerCase().replace(" ", "_") });
  });
});

test("the session cookie is HttpOnly and SameSite=Lax, out of reach of scripts", async ({ page, baseURL }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "dept.session");
  expect(session, `cookies: ${cookies.map((c) => c.name).join(", ")}`).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.path).toBe("/");
  // Secure only on an https site; this one is plain http.
  expect(new URL(baseURL!).protocol).toBe("http:");
  expect(session!.secure).toBe(false);
  expect(await page.evaluate(() => document.cookie)).not.toContain("dept.session");
});

test("signing out ends the session: its cookie, replayed, no longer signs anyone in", async ({ page, browser, baseURL }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);
  const session = (await page.context().cookies()).find((c) => c.name === "dept.session");
  expect(session).toBeTruthy();

  // Copied to another browser while signed in, the cookie works there (so the check below can fail).
  const before = await newBrowserContext(browser, baseURL);
  try {
    await before.addCookies([session!]);
    expect(await viewerOf(before, baseURL)).toMatchObject({ signedIn: true, handle: member.handle, name: member.name });
  } finally {
    await before.close();
  }

  await signOutFromHeader(page);
  expect((await page.context().cookies()).find((c) => c.name === "dept.session")).toBeUndefined();

  const replay = await newBrowserContext(browser, baseURL);
  try {
    await replay.addCookies([session!]);
    expect(await viewerOf(replay, baseURL)).toMatchObject({ signedIn: false });
    const other = await replay.newPage();
    await other.goto("/settings");
    await expect(other).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/settings");
    await expectSignedOut(other);
  } finally {
    await replay.close();
  }
});

test("next-auth's own sign-out ends the session too, and sends the browser back to this site", async ({ page, browser, baseURL }) => {
  const member = await memberWithRole("reader");
  await signInAs(page, member);
  const session = (await page.context().cookies()).find((c) => c.name === "dept.session");
  expect(session).toBeTruthy();

  // next-auth's addresses are the site's (SITE_URL), not the localhost:3000 it assumes by default.
  const providers = (await (await page.request.get("/api/auth/providers")).json()) as Record<string, { callbackUrl: string }>;
  expect(providers.credentials.callbackUrl).toBe(`${baseURL}/api/auth/callback/credentials`);

  // Its sign-out, as its own page's form posts it.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: `${baseURL}/` }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toBe(`${baseURL}/`);
  expect((await page.context().cookies()).find((c) => c.name === "dept.session")).toBeUndefined();

  // A copy of the cookie taken before signs nobody in.
  const replay = await newBrowserContext(browser, baseURL);
  try {
    await replay.addCookies([session!]);
    expect(await viewerOf(replay, baseURL)).toMatchObject({ signedIn: false });
  } finally {
    await replay.close();
  }
});

test("sign-out is refused from another site (a POST without this site's Origin)", async ({ page, baseURL }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);
  const response = await page.context().request.post(new URL("/signout", baseURL).toString(), {
    headers: { Origin: "https://evil.com" },
    form: { callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await viewerOf(page.context(), baseURL)).toMatchObject({ signedIn: true, handle: member.handle });
});

test("a signed-in reader visiting /signin or /register is told so, and can sign out there", async ({ page }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);
  await page.goto("/register");
  await expect(page.getByRole("main")).toContainText(`You already have an account and are signed in as ${member.name}.`);
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);

  await page.goto("/signin?callbackUrl=%2Fsettings");
  const main = page.getByRole("main");
  await expect(main).toContainText(`You are signed in as ${member.name}.`);
  await expect(main.getByRole("link", { name: "Continue" })).toHaveAttribute("href", "/settings");
  await submit(page, main.getByRole("button", { name: "Sign out" }));
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  await expectSignedOut(page);
});
