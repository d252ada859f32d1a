// Two app instances sharing one page cache in Redis, as behind a load balancer: whatever is written
// through A is on the page B serves at the very next request, though B had that page cached. Each
// check first has B serve the page from its cache (x-nextjs-cache: HIT), so a cache kept per
// instance (B's own copy, stale until its hourly revalidation) fails it.
// The instances run on a database of their own (e2e/tasks/cache-database.ts): the settings change
// would otherwise reach every other spec's pages.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import type { Browser } from "@playwright/test";
import { expect } from "./comments-helpers";
import { FLAGGED_SUMMARY, hiddenFieldsOf, newBrowserContext, submitSignIn, test, uniqueIp, uniqueSuffix } from "./fixtures";
import { Client } from "./instances-helpers";
import { freePort, removeInstanceFolder, startInstance, type Instance } from "./instances";

test.describe.configure({ mode: "serial", timeout: 90_000 });

type Person = { email: string; password: string };
type Data = { url: string; slug: string; articleId: string; commentId: string; admin: Person; author: Person; flaggers: Person[]; claimant: Person };

let holder: ChildProcessWithoutNullStreams;
let data: Data;
let a: Instance & { folder: string };
let b: Instance & { folder: string };
let path: string;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  holder = spawn(process.execPath, ["--import", "tsx", "e2e/tasks/cache-database.ts"], { cwd: process.cwd(), env: process.env });
  let stderr = "";
  holder.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: holder.stdout }).once("line", resolve);
    holder.once("exit", (code) => reject(new Error(`cache-database exited (${code}): ${stderr}`)));
  });
  data = JSON.parse(line) as Data;
  path = `/articles/${data.slug}`;
  const env = { DATABASE_URL: data.url, REDIS_URL: process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379" };
  [a, b] = await Promise.all([startInstance({ env }), startInstance({ env })]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const instance of [a, b]) if (instance) removeInstanceFolder(instance.folder);
  if (holder) {
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    holder.stdin.end();
    await exited;
  }
});

/** The article page as `instance` serves it to a new reader. */
async function articleOn(instance: Instance): Promise<{ html: string; cache: string | null }> {
  const response = await fetch(new URL(path, instance.url), { headers: { "x-forwarded-for": uniqueIp() } });
  expect(response.status).toBe(200);
  return { html: await response.text(), cache: response.headers.get("x-nextjs-cache") };
}

/**
 * B serves the article page from the cache (rendered and stored on first asking if need be). A
 * write made just before (the previous test's) expires the page a second time once its render
 * window is over (lib/cache/revalidate.ts, 2 s), and that can land between two reads: so this waits
 * until B answers from the cache, rather than assuming the second read does.
 */
async function cachedOnB(): Promise<string> {
  let html = "";
  await expect
    .poll(async () => {
      const read = await articleOn(b);
      html = read.html;
      return read.cache;
    }, { intervals: [250] })
    .toBe("HIT");
  return html;
}

async function signedIn(person: Person): Promise<Client> {
  const fields = await signInFields();
  const client = new Client(uniqueIp());
  const response = await client.post(a, "/signin", { multipart: { ...fields, email: person.email, password: person.password } });
  expect(response.status, `${person.email} signs in`).toBe(303);
  return client;
}

let fieldsOfSignIn: Record<string, string> | undefined;
let browserForFields: Browser | undefined;
async function signInFields(): Promise<Record<string, string>> {
  fieldsOfSignIn ??= await hiddenFieldsOf(browserForFields!, a.url, "/signin", (page) => page.locator("main form:has(input[name='password'])"));
  return fieldsOfSignIn;
}
test.beforeEach(({ browser }) => {
  browserForFields = browser;
});

let postedId: string;

test("a comment posted through A is on the page B serves next", async () => {
  const body = `Posted through A ${uniqueSuffix()}`;
  expect(await cachedOnB()).not.toContain(body);
  const posted = await new Client(uniqueIp()).post(a, "/api/comments", { json: { articleId: data.articleId, subject: "Through A", body, anonEmail: `anon.${uniqueSuffix()}@example.test` } });
  expect(posted.status, await posted.clone().text()).toBe(201);
  postedId = ((await posted.json()) as { id: string }).id;
  expect((await articleOn(b)).html).toContain(body);
});

test("an edit saved through A is on the page B serves next", async ({ browser }) => {
  const edited = `Said again, better ${uniqueSuffix()}`;
  expect(await cachedOnB()).not.toContain(edited);
  const context = await newBrowserContext(browser, a.url);
  try {
    const page = await context.newPage();
    await page.goto("/signin");
    await submitSignIn(page, data.author.email, data.author.password);
    await page.goto(`/comments/${data.commentId}/edit`);
    await page.getByLabel("Comment", { exact: true }).fill(edited);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}#comment-`));
  } finally {
    await context.close();
  }
  expect((await articleOn(b)).html).toContain(edited);
});

test("a First Word claimed through A is on the page B serves next", async () => {
  expect(await cachedOnB()).not.toContain('id="first-word"');
  const claimant = await signedIn(data.claimant);
  const claim = await claimant.post(a, `/api/comments/${data.commentId}/spotlight`, { form: { kind: "first" } }, { accept: "application/json" });
  expect(claim.status, await claim.clone().text()).toBe(200);
  expect((await articleOn(b)).html).toContain('id="first-word"');
});

test("a comment hidden by flags sent through A is folded on the page B serves next", async () => {
  expect(await cachedOnB()).not.toContain(FLAGGED_SUMMARY);
  // Three established members (2 each toward the threshold of 5), each from a network of its own.
  for (const flagger of data.flaggers) {
    const client = await signedIn(flagger);
    const flag = await client.post(a, `/api/comments/${postedId}/rating`, { form: { control: "flag", on: "1", reason: "spam" } }, { accept: "application/json" });
    expect(flag.status, await flag.clone().text()).toBe(200);
  }
  expect((await articleOn(b)).html).toContain(FLAGGED_SUMMARY);
});

test("a site setting changed through A is on the page B serves next", async ({ browser }) => {
  const before = await cachedOnB();
  expect(before).toContain('name="anonEmail"');
  const context = await newBrowserContext(browser, a.url);
  try {
    const page = await context.newPage();
    await page.goto("/signin");
    await submitSignIn(page, data.admin.email, data.admin.password);
    await page.goto("/admin");
    await page.getByRole("main").getByRole("link", { name: "Site settings" }).click();
    await page.getByLabel("Signed-out visitors may comment (as Anonymous Coward)").uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved: 1 setting changed.");
  } finally {
    await context.close();
  }
  const after = (await articleOn(b)).html;
  expect(after).not.toContain('name="anonEmail"');
  expect(after).toContain("Sign in now");
});

test("an instance whose Redis is unreachable still serves every page, fresh", async () => {
  // A port nothing listens on.
  const closed = await freePort();
  const lonely = await startInstance({ env: { DATABASE_URL: data.url, REDIS_URL: `redis://127.0.0.1:${closed}` } });
  try {
    const body = `Posted while Redis was away ${uniqueSuffix()}`;
    const read = async () => {
      const response = await fetch(new URL(path, lonely.url), { headers: { "x-forwarded-for": uniqueIp() } });
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(await read()).not.toContain(body);
    // A member (anonymous commenting was turned off above).
    const member = await signedIn(data.claimant);
    const posted = await member.post(lonely, "/api/comments", { json: { articleId: data.articleId, body } });
    expect(posted.status, await posted.clone().text()).toBe(201);
    expect(await read()).toContain(body);
  } finally {
    await lonely.stop();
    removeInstanceFolder(lonely.folder);
  }
});
