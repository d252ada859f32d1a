// The live discussion across app instances: a reader served by a second instance (same database
// and build, as behind a load balancer) hears of a comment posted through the first, through
// Redis pub/sub when REDIS_URL is set and through the database poll otherwise.
import { expect } from "./comments-helpers";
import { test, uniqueSuffix } from "./fixtures";
import { removeInstanceFolder, startInstance } from "./instances";
import { liveArticle, post, reader, showButton } from "./live-helpers";

test.describe.configure({ timeout: 90_000 });

test("a reader on another instance of the app hears of it too (Redis pub/sub with REDIS_URL, else the database)", async ({ browser, baseURL }) => {
  const article = liveArticle();
  const path = `/articles/${article.slug}`;
  // Another instance of the app on the same database and build, as behind a load balancer.
  const other = await startInstance();
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
    await other.stop();
    removeInstanceFolder(other.folder);
  }
});
