// The lists are cached pages, the same for every anonymous reader, and the writes that change them
// expire them at once: the front page and its ?page=N, a tag's page and its feed, the site feed,
// an article's comment feed, profiles, the best of the week and its feed. (That they also change
// on their own when a scheduled article's time comes is proved on an injected clock in
// tests/cache/listings-reveal.test.ts; the week's end, in lib/best/weeks.test.ts.)
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { FLAGSHIP_PATH, asArray, createMemberAndSignIn, memberWithRole, newBrowserContext, newMember, parseXml, signInAs, submit, test, textOf, uniqueSuffix } from "./fixtures";
import { commentForm, fillCommentForm, formFields } from "./comments-helpers";

test.describe.configure({ timeout: 90_000 });

/** Whether the server answered from its page cache. Another spec's write may just have expired the
 *  entry, so the caller polls: a page rendered per request is never a hit. */
const servedFromCache = async (request: APIRequestContext, path: string) => {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  return response.headers()["x-nextjs-cache"];
};

async function flagshipTag(request: APIRequestContext): Promise<{ path: string; name: string }> {
  const html = await (await request.get(FLAGSHIP_PATH)).text();
  const [, slug, name] = html.match(/href="\/tags\/([\w-]+)"[^>]*>([^<]+)</)!;
  return { path: `/tags/${slug}`, name };
}

async function feedTitles(request: APIRequestContext, path: string): Promise<string[]> {
  const doc = parseXml(await (await request.get(path)).text()) as { rss: { channel: { item?: { title: unknown } | { title: unknown }[] } } };
  return asArray(doc.rss.channel.item).map((i) => textOf(i.title));
}

const titleLink = (page: Page, title: string) => page.getByRole("main").getByRole("link", { name: title, exact: true });

test("every kind of list is served from the cache to the next anonymous reader, ?page=2 included", async ({ request }) => {
  const tag = await flagshipTag(request);
  const author = (await (await request.get(FLAGSHIP_PATH)).text()).match(/href="(\/users\/[\w-]+)"/)![1];
  for (const path of ["/", "/?page=2", tag.path, "/feed.xml", `${tag.path}/feed.xml`, `${FLAGSHIP_PATH}/feed.xml`, author, "/best", "/best/feed.xml"]) {
    await expect.poll(() => servedFromCache(request, path), { message: path }).toBe("HIT");
  }
  // A later page is its own cached page, at the address the reader asked for.
  const second = await request.get("/?page=2");
  expect(await second.text()).toContain("<title>Latest articles, page 2 | ");
  // Its script policy lists its scripts' hashes (stored with it), not a nonce made per request.
  const policy = second.headers()["content-security-policy"];
  expect(policy).toContain("'sha256-");
  expect(policy).not.toContain("'nonce-");
});

test("publishing an article shows it at once on the front page, its tag page and both feeds; unpublishing takes it off", async ({ page }) => {
  const tag = await flagshipTag(page.request);
  // The lists are in the cache before the write.
  for (const path of ["/", tag.path, "/feed.xml", `${tag.path}/feed.xml`]) {
    await expect.poll(() => servedFromCache(page.request, path), { message: path }).toBe("HIT");
  }
  const author = await memberWithRole("author");
  const suffix = uniqueSuffix();
  const title = `Cached lists notice ${suffix}`;
  await signInAs(page, author);
  await page.goto("/write");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Dept", { exact: true }).fill("from the stale-no-more dept");
  await page.getByLabel("Tags", { exact: true }).fill(tag.name);
  await page.getByLabel("Body", { exact: true }).fill("The front page knows.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/articles\/cached-lists-notice-/);
  const articlePath = new URL(page.url()).pathname;

  // Its comment feed, cached, shows a comment the moment it is posted.
  await expect.poll(() => servedFromCache(page.request, `${articlePath}/feed.xml`)).toBe("HIT");
  const subject = `First to the feed ${suffix}`;
  await fillCommentForm(commentForm(page), { subject, body: "Seen in the feed at once." });
  await submit(page, formFields(commentForm(page)).post);
  await expect(page.getByRole("main").getByText("Seen in the feed at once.")).toBeVisible();
  expect(await feedTitles(page.request, `${articlePath}/feed.xml`)).toContain(subject);

  // The next request of each list shows it: no waiting for the hour.
  await page.goto("/");
  await expect(titleLink(page, title)).toBeVisible();
  await page.goto(tag.path);
  await expect(titleLink(page, title)).toBeVisible();
  expect(await feedTitles(page.request, "/feed.xml")).toContain(title);
  expect(await feedTitles(page.request, `${tag.path}/feed.xml`)).toContain(title);

  // Back to a draft: gone from them all (which also leaves the front page as other specs expect it).
  await page.goto(`${articlePath}/edit`);
  await page.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page).toHaveURL(/\/edit\?saved=1$/);
  await page.goto("/");
  await expect(titleLink(page, title)).toHaveCount(0);
  await page.goto(tag.path);
  await expect(titleLink(page, title)).toHaveCount(0);
  expect(await feedTitles(page.request, "/feed.xml")).not.toContain(title);
  expect(await feedTitles(page.request, `${tag.path}/feed.xml`)).not.toContain(title);
});

test("a member's new name shows on their cached profile at once", async ({ page, browser, baseURL }) => {
  const member = newMember();
  await createMemberAndSignIn(page, member);
  const profilePath = `/users/${member.handle}`;
  const visitor = await newBrowserContext(browser, baseURL);
  await expect.poll(() => servedFromCache(visitor.request, profilePath)).toBe("HIT");

  const name = `Renamed ${uniqueSuffix()}`;
  await page.goto("/settings");
  const profile = page.getByRole("region", { name: "Profile" });
  await profile.getByLabel("Name", { exact: true }).fill(name);
  await submit(page, profile.getByRole("button", { name: "Save profile" }));
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");

  const visit = await visitor.newPage();
  await visit.goto(profilePath);
  await expect(visit.getByRole("heading", { level: 1 })).toHaveText(name);
  await visitor.close();
});
