// /admin/import (issue 22): an import run from the command line is listed for administrators with
// its report; nobody else sees it. The run here is a dry run, so the e2e site's content is as
// other specs expect it.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { expectNoSeriousA11yViolations, memberWithRole, signInAs, test } from "./fixtures";

test("an administrator sees each import with its counts and what it changed or left out", async ({ page }) => {
  const report = path.join(mkdtempSync(path.join(tmpdir(), "dept-e2e-import-")), "report.json");
  execFileSync("npx", ["tsx", "scripts/import.ts", "wordpress", "tests/transfer/fixtures/wordpress-export.xml", "--dry-run", "--report", report], { env: process.env, cwd: process.cwd(), encoding: "utf8" });

  await signInAs(page, await memberWithRole("admin"));
  await page.goto("/admin");
  await page.getByRole("link", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
  const latest = page.getByRole("table", { name: "Imports, latest first" }).getByRole("row").nth(1);
  await expect(latest).toContainText("WordPress");
  await expect(latest).toContainText("wordpress-export.xml");
  await expect(latest).toContainText("(dry run)");
  await expectNoSeriousA11yViolations(page, "/admin/import");

  await latest.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Import of wordpress-export.xml (dry run)" })).toBeVisible();
  await expect(page.getByText("4 article, 8 comment", { exact: false })).toBeVisible();
  const changed = page.getByRole("region", { name: "Imported with changes (3)" });
  await expect(changed.getByRole("listitem")).toHaveCount(3);
  await expect(changed).toContainText("private on the old site: imported as a draft");
  await expect(changed).toContainText("removed from the body: script");
  await expectNoSeriousA11yViolations(page, "/admin/import/[id]");
});

test("the imports page is for administrators only", async ({ page }) => {
  await signInAs(page, await memberWithRole("moderator"));
  await page.goto("/admin/import");
  await expect(page.getByText("This page is for administrators.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
