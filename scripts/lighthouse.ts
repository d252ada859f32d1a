// `npm run lighthouse -- <base url> [--desktop] [--json] [--path /x ...]`: audits pages of a
// running Dept server with Lighthouse in Debian's Chromium and prints, per page, the scores for
// Accessibility, Best Practices and SEO (the bar is 100 for each on the article page),
// Performance and Total Blocking Time, and every audit that keeps one of the first three below
// 100. By default it audits the home page and the flagship article; `--path` names others.
// `--json` prints the results as one JSON array instead (e2e/lighthouse.spec.ts reads it).
// Lighthouse's default run emulates a phone on a slow network with simulated throttling: its
// Performance figures are a model, not a measurement, and move with the machine's load.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { FLAGSHIP_SLUG } from "../prisma/demo";

export type PageAudit = {
  url: string;
  scores: { accessibility: number; "best-practices": number; seo: number; performance: number };
  totalBlockingTimeMs: number;
  failing: { category: string; id: string; title: string }[];
};

const args = process.argv.slice(2);
const base = args.find((a) => /^https?:\/\//.test(a));
if (!base) {
  console.error("Usage: npm run lighthouse -- <base url of a running server> [--desktop] [--json] [--path /some/page ...]");
  process.exit(2);
}
const paths = args.flatMap((a, i) => (args[i - 1] === "--path" ? [a] : []));
const urls = (paths.length ? paths : ["/", `/articles/${FLAGSHIP_SLUG}`]).map((p) => new URL(p, base).toString());
const runner = path.join(import.meta.dirname, "lighthouse-audit.mjs");
const out = execFileSync(process.execPath, [runner, ...(args.includes("--desktop") ? ["--desktop"] : []), ...urls], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const audits = JSON.parse(out.trim().split("\n").pop()!) as PageAudit[];

if (args.includes("--json")) {
  console.log(JSON.stringify(audits));
} else {
  for (const a of audits) {
    const s = a.scores;
    console.log(`${a.url}\n  Accessibility ${s.accessibility} · Best Practices ${s["best-practices"]} · SEO ${s.seo} · Performance ${s.performance} · TBT ${a.totalBlockingTimeMs} ms`);
    for (const f of a.failing) console.log(`  ✗ ${f.category}: ${f.id} (${f.title})`);
  }
}
