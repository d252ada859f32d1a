// A banned anonymous poster trying to come back, through the real comment API, the way a script
// would: without the cookie, from another address of the same network, with the same email from
// elsewhere. Each client's address reaches the site as one trusted proxy hop passes it on
// (TRUST_PROXY=1 here: the last X-Forwarded-For entry is the client's; anything the client wrote
// before it is ignored). The moderator bans and lifts through /moderation as a person does.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { UNCOUNTED, anonEmail, articleIdOf, expect } from "./comments-helpers";
import { memberWithRole, signInAs, submit, test, uniqueIp, uniqueNetwork, uniqueSuffix } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

/** A script's HTTP client at `address`, with no cookie yet; it also forges an address of its own. */
async function clientAt(baseURL: string, address: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `203.0.113.66, ${address}`, origin: new URL(baseURL).origin } });
}

test("a banned anonymous poster without their cookie is held on their network and refused by their email anywhere; lifting the ban lifts all of it", async ({ page, baseURL }) => {
  const suffix = uniqueSuffix();
  const net = uniqueNetwork();
  const email = anonEmail();
  const name = `Spammer ${suffix}`;
  const clients: APIRequestContext[] = [];
  const at = async (address: string) => {
    const client = await clientAt(baseURL!, address);
    clients.push(client);
    return client;
  };
  const articleId = await articleIdOf(page.request, UNCOUNTED);
  const postFrom = (client: APIRequestContext, body: string, from = email) =>
    client.post("/api/comments", { data: { articleId, body: `${body} ${suffix}`, anonName: name, anonEmail: from } });

  try {
    // Three links: the comment waits in the moderation queue, where the moderator meets it.
    const poster = await at(`${net}.10`);
    const spam = `Cheap pills https://a.example https://b.example https://c.example`;
    const first = await postFrom(poster, spam);
    expect(first.status(), await first.text()).toBe(201);
    expect((await first.json()).status).toBe("pending");

    await signInAs(page, await memberWithRole("moderator"));
    await page.goto("/moderation");
    const entry = page.locator("#queue").getByRole("article").filter({ hasText: `${spam} ${suffix}` });
    await entry.getByText("Ban the author…", { exact: true }).click();
    await entry.getByLabel("Reason for the ban").fill(`Pill spam ${suffix}`);
    await submit(page, entry.getByRole("button", { name: "Ban the author", exact: true }));
    await expect(page.getByRole("status").filter({ hasText: "Banned. The author can no longer post comments." })).toBeVisible();
    const bans = page.locator("#bans");
    const networkEntry = bans.getByRole("listitem").filter({ hasText: `${net}.0/24` });
    await expect(networkEntry).toContainText(/held for review until/);
    await expect(networkEntry).toContainText(`Pill spam ${suffix}`);

    // The cookie, from another network: refused, as a visitor ban always was.
    const withCookie = await poster.post("/api/comments", {
      data: { articleId, body: `Back again ${suffix}`, anonEmail: anonEmail() },
      headers: { "x-forwarded-for": uniqueIp() },
    });
    expect(withCookie.status()).toBe(403);

    // No cookie, a new address in the same network, a new email: held for review, not refused.
    const noCookie = await at(`${net}.77`);
    const held = await postFrom(noCookie, "Totally new person here", anonEmail());
    expect(held.status(), await held.text()).toBe(201);
    expect((await held.json()).status).toBe("pending");

    // The same email, no cookie, another network: refused, whatever case it is typed in.
    const elsewhere = await at(uniqueIp());
    const sameEmail = await postFrom(elsewhere, "Nobody you know", email.toUpperCase());
    expect(sameEmail.status()).toBe(403);
    expect((await sameEmail.json()).error).toBe("forbidden");

    // The held comment waits for the moderator like any other.
    await page.goto("/moderation");
    await expect(page.locator("#queue").getByRole("article").filter({ hasText: `Totally new person here ${suffix}` })).toHaveCount(1);

    // Lifting the visitor's ban lifts the network's hold and the email's ban with it.
    const visitorEntry = bans.getByRole("listitem").filter({ hasText: name });
    await submit(page, visitorEntry.getByRole("button", { name: new RegExp(`^Lift the ban on ${name}`) }));
    await expect(page.getByRole("status").filter({ hasText: "Ban lifted. They can post again." })).toBeVisible();
    await expect(bans.getByRole("listitem").filter({ hasText: `${net}.0/24` })).toHaveCount(0);
    const afterLift = await postFrom(await at(`${net}.78`), "Reformed character");
    expect(afterLift.status(), await afterLift.text()).toBe(201);
    expect((await afterLift.json()).status).toBe("published");
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
});
