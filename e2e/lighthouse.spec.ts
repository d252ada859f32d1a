// Lighthouse on the flagship article, as a search engine or an auditor would see it: the issue's
// bar is 100 for Accessibility, Best Practices and SEO. The audit runs in its own Chromium
// (scripts/lighthouse.ts, the same script as `npm run lighthouse`), so a failure names the
// audits at fault rather than a number alone.
import { execFileSync } from "node:child_process";
import { expect } from "@playwright/test";
import { FLAGSHIP_PATH, test } from "./fixtures";

type PageAudit = { url: string; scores: Record<string, number>; failing: { category: string; id: string; title: string }[] };

// One Lighthouse run of a 40-comment page takes ~15-30 s on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

test("the flagship article scores 100 for accessibility, best practices and SEO", async ({ baseURL }) => {
  const out = execFileSync("npx", ["tsx", "scripts/lighthouse.ts", baseURL!, "--json", "--path", FLAGSHIP_PATH], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  const [audit] = JSON.parse(out.trim().split("\n").pop()!) as PageAudit[];
  const failing = audit.failing.map((f) => `${f.category}: ${f.id} (${f.title})`);
  expect(failing, `audits below full marks on ${audit.url}`).toEqual([]);
  expect(audit.scores).toMatchObject({ accessibility: 100, "best-practices": 100, seo: 100 });
});
