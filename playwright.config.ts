import { defineConfig, devices } from "@playwright/test";
import { heapFlag } from "./lib/server/server-settings.js";

const port = Number(process.env.PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const SITE_WIDE = /(site-settings|authoring|security-xss-sitewide|listings-cache)\.spec\.ts$/;
// The specs whose outcome can differ between SQLite and PostgreSQL through the server: concurrent
// writes and their locks, rate limits, trust tallies, spotlight races, moderation, the API. npm
// test runs only these on PostgreSQL (E2E_SCOPE=engine) and every spec on SQLite. Vitest runs
// whole on both, so queries alone (paging, rankings, registration's unique address) are proved
// on PostgreSQL there.
const ENGINE_SPECS = /\/(security-rate-limits|security-trust|ratings|spotlights|moderation|moderation-bans|comments|comments-api|comments-flood|instances-limits|instances-cache|ops-health|ops-shutdown|ops-durability)\.spec\.ts$/;
const engineOnly = process.env.E2E_SCOPE === "engine";

// Run through `npm test` (or `npm run test:e2e`): scripts/e2e.ts prepares the database and the
// production build this server starts from.
export default defineConfig({
  testDir: "./e2e",
  // Playwright empties its output folder at start: keep it apart from the runners' JSON reports,
  // and apart from another run's on another port (E2E_PORT), which would lose its traces.
  outputDir: port === 3100 ? "test-results/playwright" : `test-results/playwright-${port}`,
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: port === 3100 ? "test-results/e2e.json" : `test-results/e2e-${port}.json` }]],
  timeout: 30_000,
  use: {
    baseURL,
    // A failed test keeps its trace (actions, DOM snapshots, network). Without the screencast:
    // encoding a frame per change cost CPU in every test, on a suite the two cores already bound.
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: SITE_WIDE, ...(engineOnly ? { testMatch: ENGINE_SPECS } : {}) },
    // These change what every page shows (site settings; an article appearing on the front page
    // and in the feeds): they run after all the others, so no other spec sees the change.
    { name: "site-wide", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: engineOnly ? [] : SITE_WIDE, dependencies: ["chromium"] },
  ],
  webServer: {
    // With the heap cap `npm start` and the deploy unit use (NODE_HEAP_MB): the suite runs the server as a site does.
    command: `node ${heapFlag(process.env)} scripts/serve.mjs`,
    url: `${baseURL}/robots.txt`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The specs stand in for a proxy: each browser context sends X-Forwarded-For as one trusted hop
    // would, so every test is its own client address (TRUST_PROXY, README).
    env: { DEPT_DIST_DIR: process.env.DEPT_DIST_DIR ?? ".next-e2e", SITE_URL: baseURL, PORT: String(port), NODE_ENV: "production", TRUST_PROXY: "1" },
  },
});
