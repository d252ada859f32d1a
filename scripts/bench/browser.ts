// The benchmark's browser part: what one page view in Chromium costs the server (requests within
// 5 s of opening the page: with an empty browser cache, and again with the site's files cached),
// how many elements the page has, its JavaScript gzipped, and Lighthouse's mobile Total Blocking
// Time (scripts/lighthouse-audit.mjs; BENCH_LIGHTHOUSE=0 skips it, it takes ~30 s a page).
// Requests are counted from the browser's DevTools events, not the server's log: the live
// discussion's EventSource stays open, so it reaches the log only when it closes.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const WINDOW_MS = 5_000;

export type ViewRequests = { total: number; prefetches: number; staticFiles: number; paths: string[] };
export type BrowserFigures = {
  name: string;
  path: string;
  /** Empty browser cache: the first page of a visit. */
  cold: ViewRequests;
  /** The same page opened again: the site's static files come from the browser's cache. */
  warm: ViewRequests;
  domElements: number;
  scriptKiB: number;
  totalBlockingTimeMs: number | null;
};

/** Opens the page and lists the requests that reached the server (not the browser's cache) within the window. */
async function openAndCount(page: Page, url: string): Promise<ViewRequests> {
  const origin = new URL(url).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const sent = new Map<string, { path: string; isPrefetch: boolean }>();
  const cached = new Set<string>();
  const started = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    const u = new URL(e.request.url);
    if (u.origin !== origin || Date.now() - started > WINDOW_MS) return;
    // Server-component data for a page: while no link is followed, always a prefetch.
    const isPrefetch = Object.keys(e.request.headers).some((h) => h.toLowerCase() === "rsc");
    sent.set(e.requestId, { path: u.pathname, isPrefetch });
  });
  cdp.on("Network.requestServedFromCache", (e) => cached.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker) cached.add(e.requestId);
  });
  await page.goto(url);
  await page.waitForTimeout(Math.max(0, WINDOW_MS - (Date.now() - started)));
  await cdp.detach();
  const reached = [...sent].filter(([id]) => !cached.has(id)).map(([, r]) => r);
  return {
    total: reached.length,
    prefetches: reached.filter((r) => r.isPrefetch).length,
    staticFiles: reached.filter((r) => r.path.startsWith("/_next/static/")).length,
    paths: reached.map((r) => `${r.path}${r.isPrefetch ? " (prefetch)" : ""}`),
  };
}

/**
 * The page's scripts as a browser downloads them, gzipped, in KiB: those it fetched, by the
 * page's resource timing. (Reading the <script> tags would also count Next's `nomodule` polyfills,
 * 39 KiB gzipped that no browser running modules ever downloads.)
 */
async function scriptKiB(page: Page, base: string): Promise<number> {
  const sources = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || new URL(e.name).pathname.endsWith(".js"))
      .map((e) => e.name),
  );
  let bytes = 0;
  for (const src of new Set(sources)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return bytes / 1024;
}

async function measureOne(browser: Browser, base: string, name: string, pagePath: string): Promise<Omit<BrowserFigures, "totalBlockingTimeMs">> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const url = new URL(pagePath, base).toString();
    const cold = await openAndCount(page, url);
    const domElements = await page.evaluate(() => document.getElementsByTagName("*").length);
    const kib = await scriptKiB(page, base);
    await page.goto("about:blank");
    const warm = await openAndCount(page, url);
    return { name, path: pagePath, cold, warm, domElements, scriptKiB: kib };
  } finally {
    await context.close();
  }
}

/** Lighthouse's mobile audit of each URL, in one Chromium (its own process: see lighthouse-audit.mjs). */
function totalBlockingTimes(urls: string[]): number[] {
  const runner = path.join(import.meta.dirname, "..", "lighthouse-audit.mjs");
  const out = execFileSync(process.execPath, [runner, ...urls], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const audits = JSON.parse(out.trim().split("\n").pop()!) as { totalBlockingTimeMs: number }[];
  return audits.map((a) => a.totalBlockingTimeMs);
}

export async function measureBrowser(base: string, pages: { name: string; path: string }[]): Promise<BrowserFigures[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const figures: Omit<BrowserFigures, "totalBlockingTimeMs">[] = [];
  try {
    for (const p of pages) figures.push(await measureOne(browser, base, p.name, p.path));
  } finally {
    await browser.close();
  }
  const tbt = process.env.BENCH_LIGHTHOUSE === "0" ? null : totalBlockingTimes(pages.map((p) => new URL(p.path, base).toString()));
  return figures.map((f, i) => ({ ...f, totalBlockingTimeMs: tbt ? tbt[i] : null }));
}

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

export function printBrowserTable(rows: BrowserFigures[]): void {
  const head = `${pad("page view in Chromium", 28)}${pad("requests cold", 15, true)}${pad("warm", 6, true)}${pad("prefetches", 12, true)}${pad("DOM", 7, true)}${pad("JS gz KiB", 11, true)}${pad("TBT ms", 8, true)}`;
  console.log(`\n${head}\n${"-".repeat(head.length)}`);
  for (const r of rows) {
    const prefetches = `${r.cold.prefetches}/${r.warm.prefetches}`;
    console.log(
      `${pad(r.name, 28)}${pad(`${r.cold.total} (${r.cold.staticFiles} static)`, 15, true)}${pad(String(r.warm.total), 6, true)}${pad(prefetches, 12, true)}${pad(String(r.domElements), 7, true)}${pad(r.scriptKiB.toFixed(1), 11, true)}${pad(r.totalBlockingTimeMs === null ? "skipped" : String(r.totalBlockingTimeMs), 8, true)}`,
    );
  }
  for (const r of rows) console.log(`  ${r.name}, warm: ${r.warm.paths.join(", ")}`);
}
