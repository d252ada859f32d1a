// Runs Lighthouse on each URL given in one Debian Chromium and prints a JSON array of results
// (scores, Total Blocking Time, failing audits). Plain JavaScript run by Node on purpose: under
// tsx, Lighthouse's own functions are compiled with name helpers (`__name`) that do not exist in
// the page it sends them to. scripts/lighthouse.ts is the command to use.
//
//   node scripts/lighthouse-audit.mjs [--desktop] <url> [<url> ...]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse, { desktopConfig } from "lighthouse";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const CATEGORIES = ["accessibility", "best-practices", "seo", "performance"];

/** Starts Chromium with a DevTools port of its choosing and resolves with that port. */
function startChromium(profile) {
  const browser = spawn(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
    // Its own process group: its helpers (network, storage, renderers) are stopped with it.
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let seen = "";
    browser.once("error", reject);
    browser.once("exit", (code) => reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${seen}`)));
    browser.stderr.on("data", (chunk) => {
      seen += chunk.toString();
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen)?.[1];
      if (port) resolve({ browser, port: Number(port) });
    });
  });
}

const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops Chromium and every helper process it started, and returns once all have exited: the
 * browser's own exit comes first, while its helpers may still be writing the profile's cache
 * (removing the profile then failed with ENOTEMPTY).
 */
async function stopChromium(browser) {
  const group = browser.pid;
  if (!groupAlive(group)) return;
  process.kill(-group, "SIGTERM");
  // (Bounded: a helper left as a zombie that nothing reaps would keep the group "alive".)
  for (let waited = 0; groupAlive(group) && waited < 10_000; waited += 50) {
    if (waited === 5_000) process.kill(-group, "SIGKILL");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function auditOne(url, port, desktop) {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES }, desktop ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = {};
  const failing = [];
  for (const category of CATEGORIES) {
    const c = lhr.categories[category];
    scores[category] = Math.round((c?.score ?? 0) * 100);
    if (category === "performance") continue;
    // Only audits that count toward the score: the informative ones (weight 0) never lower it.
    for (const ref of c?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push({ category, id: ref.id, title: audit.title });
    }
  }
  return { url, scores, totalBlockingTimeMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0), failing };
}

const args = process.argv.slice(2);
const urls = args.filter((a) => !a.startsWith("--"));
const profile = mkdtempSync(path.join(os.tmpdir(), "dept-lighthouse-"));
const { browser, port } = await startChromium(profile);
try {
  const audits = [];
  for (const url of urls) audits.push(await auditOne(url, port, args.includes("--desktop")));
  console.log(JSON.stringify(audits));
} finally {
  await stopChromium(browser);
  rmSync(profile, { recursive: true, force: true });
}
