// Roles: the command line makes admins, an admin changes other members' roles on /admin/users,
// and every change applies at the member's next request. Everyone else gets no role forms.
import { expect, type Page } from "@playwright/test";
import {
  type Member,
  adminCli,
  createMemberAndSignIn,
  expectSignedInAs,
  newBrowserContext,
  newMember,
  siteHeader,
  submit,
  submitSignIn,
  test,
  viewerOf,
} from "./fixtures";

const FOR_ADMINS = "This page is for administrators.";

// Each command-line run starts tsx and checks the database's migrations: give them time.
test.describe.configure({ timeout: 90_000 });

function createWithCli(member: Member, role?: string): string {
  return adminCli("create-user", "--email", member.email, "--name", member.name, "--password", member.password, "--handle", member.handle, ...(role ? ["--role", role] : []));
}

async function signIn(page: Page, member: Member) {
  await page.goto("/signin");
  await submitSignIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, member);
}

/** The admin page as a non-admin sees it: a note, and nothing of the members or their roles. */
async function expectNoAdminPage(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expect(page.getByRole("main")).toContainText(FOR_ADMINS);
  await expect(page.getByRole("searchbox", { name: "Search members" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
  // Not even the demo admin's email.
  await expect(page.getByRole("main")).not.toContainText("@example.com");
}

/** Narrows the admin list to one member with the page's search box and returns their row. */
async function findMember(page: Page, member: Pick<Member, "handle" | "email">, query = member.handle) {
  await page.getByRole("searchbox", { name: "Search members" }).fill(query);
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/admin/users" && url.searchParams.get("q") === query);
  await expect(page.getByRole("main")).toContainText("1 member");
  const row = page.getByRole("row").filter({ hasText: `@${member.handle}` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(member.email);
  return row;
}

test("a role given on the command line applies at the member's next request", async ({ page }) => {
  const member = newMember();
  expect(createWithCli(member)).toContain(`created ${member.handle} (${member.email}) as reader`);
  await signIn(page, member);
  await expect(siteHeader(page).getByRole("link", { name: "Admin" })).toHaveCount(0);

  await page.goto("/admin/users");
  await expectNoAdminPage(page);

  expect(adminCli("set-role", member.email, "admin")).toContain(`${member.handle} is now admin`);

  // No new sign-in needed: a reload is enough.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expect(page.getByRole("main")).not.toContainText(FOR_ADMINS);
  await expect(page.getByRole("searchbox", { name: "Search members" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/\d+ members/);
  // Members are listed (newest first: this one at the top of the first page) with their roles.
  await expect(page.getByRole("table").getByRole("combobox").first()).toBeVisible();
  await expect(siteHeader(page).getByRole("link", { name: "Admin" })).toHaveAttribute("href", "/admin");

  const row = await findMember(page, member);
  await expect(row.getByLabel(`Role of ${member.handle}`)).toHaveValue("admin");
  // The demo's editor, found by name.
  const margo = await findMember(page, { handle: "mthistlewood", email: "margo@example.com" }, "Margo Thistlewood");
  await expect(margo.getByLabel("Role of mthistlewood")).toHaveValue("admin");
});

test("an admin changes another member's role; it shows after a reload and applies to them at once", async ({ page, browser, baseURL }) => {
  const admin = newMember();
  createWithCli(admin, "admin");
  const other = newMember();

  const theirs = await newBrowserContext(browser, baseURL);
  try {
    const theirPage = await theirs.newPage();
    await createMemberAndSignIn(theirPage, other);
    await expect(siteHeader(theirPage).getByRole("link", { name: "Admin" })).toHaveCount(0);

    await signIn(page, admin);
    await siteHeader(page).getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole("main").getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    let row = await findMember(page, other);
    const role = () => row.getByLabel(`Role of ${other.handle}`);
    await expect(role()).toHaveValue("reader");

    await role().selectOption("moderator");
    await submit(page, row.getByRole("button", { name: "Save role" }));
    await expect(row.getByRole("status")).toHaveText("Role changed.");
    await page.reload();
    row = page.getByRole("row").filter({ hasText: `@${other.handle}` });
    await expect(role()).toHaveValue("moderator");
    expect(await viewerOf(theirs, baseURL)).toMatchObject({ signedIn: true, handle: other.handle, role: "moderator" });

    await role().selectOption("admin");
    await submit(page, row.getByRole("button", { name: "Save role" }));
    await expect(row.getByRole("status")).toHaveText("Role changed.");
    await page.reload();
    await expect(role()).toHaveValue("admin");

    // The member, without signing in again, now has the admin link and page.
    await theirPage.reload();
    await expectSignedInAs(theirPage, other);
    await siteHeader(theirPage).getByRole("link", { name: "Admin" }).click();
    await expect(theirPage).toHaveURL(/\/admin$/);
    await theirPage.getByRole("main").getByRole("link", { name: "Members" }).click();
    await expect(theirPage).toHaveURL(/\/admin\/users$/);
    await expect(theirPage.getByRole("searchbox", { name: "Search members" })).toBeVisible();

    // And back to reader: the page closes to them on their next request.
    await role().selectOption("reader");
    await submit(page, row.getByRole("button", { name: "Save role" }));
    await expect(row.getByRole("status")).toHaveText("Role changed.");
    await page.reload();
    await expect(role()).toHaveValue("reader");
    await theirPage.reload();
    await expectNoAdminPage(theirPage);
    await expect(siteHeader(theirPage).getByRole("link", { name: "Admin" })).toHaveCount(0);
  } finally {
    await theirs.close();
  }
});

test("an admin cannot take away their own admin role", async ({ page }) => {
  const admin = newMember();
  createWithCli(admin, "admin");
  await signIn(page, admin);
  await page.goto("/admin/users");
  const row = await findMember(page, admin);
  await row.getByLabel(`Role of ${admin.handle}`).selectOption("reader");
  await submit(page, row.getByRole("button", { name: "Save role" }));
  await expect(row.getByRole("alert").filter({ hasText: "Admins cannot remove their own admin role." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: `@${admin.handle}` }).getByLabel(`Role of ${admin.handle}`)).toHaveValue("admin");
  await expect(siteHeader(page).getByRole("link", { name: "Admin" })).toBeVisible();
});

test("readers, authors and moderators get no role forms; visitors are sent to sign in", async ({ page, browser, baseURL }) => {
  const reader = newMember();
  await createMemberAndSignIn(page, reader);
  await page.goto("/admin/users");
  await expectNoAdminPage(page);
  await expect(siteHeader(page).getByRole("link", { name: "Admin" })).toHaveCount(0);

  for (const role of ["author", "moderator"]) {
    const member = newMember();
    createWithCli(member, role);
    const context = await newBrowserContext(browser, baseURL);
    try {
      const p = await context.newPage();
      await signIn(p, member);
      expect(await viewerOf(context, baseURL)).toMatchObject({ role });
      await expect(siteHeader(p).getByRole("link", { name: "Admin" })).toHaveCount(0);
      await p.goto("/admin/users");
      await expectNoAdminPage(p);
    } finally {
      await context.close();
    }
  }

  const visitor = await newBrowserContext(browser, baseURL);
  try {
    const p = await visitor.newPage();
    await p.goto("/admin/users");
    await expect(p).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/admin/users");
  } finally {
    await visitor.close();
  }
});

test("the command line refuses bad input and says why", async () => {
  const member = newMember();
  const run = (...args: string[]) => {
    try {
      adminCli(...args);
      return { status: 0, stderr: "" };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { status: e.status, stderr: String(e.stderr) };
    }
  };
  expect(run("set-role", member.email, "admin")).toEqual({ status: 2, stderr: expect.stringContaining(`no member with the email ${member.email}`) });
  expect(run("create-user", "--email", member.email, "--name", member.name, "--password", "short")).toEqual({ status: 2, stderr: expect.stringContaining("password: Use at least 10 characters.") });
  expect(run("create-user", "--email", member.email, "--name", member.name, "--password", member.password, "--role", "emperor")).toEqual({
    status: 2,
    stderr: expect.stringContaining("Role must be one of: reader, author, moderator, admin."),
  });
  createWithCli(member);
  expect(run("create-user", "--email", member.email.toUpperCase(), "--name", member.name, "--password", member.password)).toEqual({
    status: 2,
    stderr: expect.stringContaining("email: An account with this email already exists."),
  });
  expect(run("set-role", member.email, "emperor")).toEqual({ status: 2, stderr: expect.stringContaining("Role must be one of") });
});
