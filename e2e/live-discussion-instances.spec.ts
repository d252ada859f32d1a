// The live discussion across app instances: a reader served by a second instance (same database
// and build, as behind a load balancer) hears of a comment posted through the first, through
// Redis pub/sub when REDIS_URL is set and through the database poll otherwise.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect } from "./comments-helpers";
import { test, uniqueSuffix } from "./fixtures";
import { liveArticle, post, reader, showButton } from "./live-helpers";

test.describe.configure({ timeout: 90_000 });

/** A free local port, for a second app server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Another instance of the app on the same database and build, as behind a load balancer. */
async function secondInstance(): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SITE_URL: url, NODE_ENV: "production", TRUST_PROXY: "1", DEPT_DIST_DIR: process.env.DEPT_DIST_DIR ?? ".next-e2e" };
  const server = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: process.cwd(), env, stdio: "ignore" });
  await expect.poll(async () => (await fetch(`${url}/robots.txt`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
  return { url, server };
}

test("a reader on another instance of the app hears of it too (Redis pub/sub with REDIS_URL, else the database)", async ({ browser, baseURL }) => {
  const article = liveArticle();
  const path = `/articles/${article.slug}`;
  const other = await secondInstance();
  try {
    const b = await reader(browser, other.url, path);
    const a = await reader(browser, baseURL, path);
    try {
      await post(a.page, `Posted on the first instance ${uniqueSuffix()}.`);
      await expect(showButton(b.page)).toHaveText("1 new comment — show", { timeout: 3_000 });
    } finally {
      await a.context.close();
      await b.context.close();
    }
  } finally {
    other.server.kill();
  }
});
