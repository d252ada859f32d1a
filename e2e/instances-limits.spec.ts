// Two app instances on one database, as behind a load balancer that sends each request to either:
// the limits and the races still hold, because they are decided in the database, not in a
// process's memory. Each check sends one person's requests to both instances, so a limit or a
// count kept per process would let the second instance wave through what the first refused.
// Then one instance dies mid-write (SIGKILL) and the other goes on serving.
import { FLAGSHIP_PATH, hiddenFieldsOf, test, uniqueIp, uniqueNetwork, uniqueSuffix } from "./fixtures";
import { expect } from "./comments-helpers";
import { Client, countOf, seed, tally, twoInstances, type Pair } from "./instances-helpers";
import type { Instance } from "./instances";

// One worker starts the pair once for the whole file, in order (the last test kills one).
test.describe.configure({ mode: "default", timeout: 90_000 });

let pair: Pair;
test.beforeAll(async () => {
  test.setTimeout(150_000);
  pair = await twoInstances();
});
test.afterAll(async () => {
  await pair?.stop();
});

const either = (i: number): Instance => (i % 2 === 0 ? pair.a : pair.b);
const other = (i: number): Instance => (i % 2 === 0 ? pair.b : pair.a);

function expectRetryAfter(response: Response, atMostSeconds: number): void {
  const value = response.headers.get("retry-after");
  const seconds = Number(value);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= atMostSeconds, `Retry-After ${value}`).toBe(true);
}

test("the 15-second comment interval holds across instances: posted through A, the next through B is refused and not stored", async () => {
  const { articleId } = seed();
  const email = `anon.${uniqueSuffix()}@example.test`;
  const bodies = [`Through A ${uniqueSuffix()}`, `Then through B ${uniqueSuffix()}`, `A neighbour through B ${uniqueSuffix()}`, `Same visitor elsewhere ${uniqueSuffix()}`];
  const comment = (body: string) => ({ json: { articleId, subject: "Two machines", body, anonEmail: email } });

  const visitor = new Client(uniqueIp());
  const first = await visitor.post(pair.a, "/api/comments", comment(bodies[0]));
  expect(first.status, await first.clone().text()).toBe(201);

  // Same visitor, same address, the other instance, straight after.
  const second = await visitor.post(pair.b, "/api/comments", comment(bodies[1]));
  expect(second.status).toBe(429);
  expectRetryAfter(second, 15);
  expect(await second.json()).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/^You are posting too fast\./) });
  // The address alone is held (another visitor behind it), and so is the visitor alone (from another network).
  const neighbour = await new Client(visitor.ip).post(pair.b, "/api/comments", comment(bodies[2]));
  expect(neighbour.status).toBe(429);
  const elsewhere = await visitor.from(uniqueIp()).post(pair.b, "/api/comments", comment(bodies[3]));
  expect(elsewhere.status).toBe(429);

  expect(tally({ bodies }).bodies).toEqual({ [bodies[0]]: 1, [bodies[1]]: 0, [bodies[2]]: 0, [bodies[3]]: 0 });
});

test("sign-in limits hold across instances: the per-address cap counts guesses sent to both, and a locked email stays locked on both", async ({ browser }) => {
  const {
    members: [member],
  } = seed(1);
  const fields = await hiddenFieldsOf(browser, pair.a.url, "/signin", (page) => page.locator("main form:has(input[name='password'])"));
  const messages = { wrong: "Wrong email or password.", tooMany: "Too many failed sign-in attempts. Please try again in" };
  const signIn = async (client: Client, to: Instance, email: string, password: string) => {
    const response = await client.post(to, "/signin", { multipart: { ...fields, email, password } });
    if (response.status === 303) return "in";
    const html = await response.text();
    const shown = Object.entries(messages).filter(([, text]) => html.includes(text));
    return shown.length === 1 ? shown[0][0] : `unexpected (${response.status}: ${shown.map(([k]) => k).join(", ") || "no message"})`;
  };

  // 25 guesses at once from one address, half to each instance: 20 an address may make, not 20 each.
  const attacker = new Client(uniqueIp());
  const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => signIn(attacker, either(i), `nobody.${uniqueSuffix()}@example.test`, `guess ${i}`)));
  expect(countOf(guesses)).toEqual({ wrong: 20, tooMany: 5 });
  expect(await signIn(attacker, pair.a, member.email, member.password)).toBe("tooMany");
  expect(await signIn(attacker, pair.b, member.email, member.password)).toBe("tooMany");

  // Five wrong passwords for the member's email from one network (three through A, two through
  // B, each from an address of its own) lock that email there: the right password is refused on
  // both instances, and still gets in from another network.
  const network = uniqueNetwork();
  const wrong = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(new Client(`${network}.${i + 1}`), either(i), member.email, `not it ${i}`)));
  expect(countOf(wrong)).toEqual({ wrong: 5 });
  expect(await signIn(new Client(`${network}.20`), pair.a, member.email, member.password)).toBe("tooMany");
  expect(await signIn(new Client(`${network}.21`), pair.b, member.email, member.password)).toBe("tooMany");
  const home = new Client(uniqueIp());
  expect(await signIn(home, pair.b, member.email, member.password)).toBe("in");
  expect(home.cookie("dept.session")).toBeTruthy();
});

test("200 voters rating one comment at once, half through each instance: every vote counts, once", async () => {
  const { commentId } = seed();
  const voters = Array.from({ length: 200 }, () => new Client(uniqueIp()));
  const rate = (voter: Client, i: number) => voter.post(either(i), `/api/comments/${commentId}/rating`, { form: { control: "insightful", on: "1" } }, { accept: "application/json" });
  const answers = await Promise.all(voters.map(rate));
  expect(countOf(answers.map((r) => r.status))).toEqual({ 200: 200 });
  expect(await Promise.all(answers.map(async (r) => (await r.json()).on))).toEqual(voters.map(() => true));
  expect(tally({ commentId }).insightful).toEqual({ counter: 200, rows: 200 });
});

test("20 members claim one article's First Word at once through both instances: one wins, the others keep their credits", async ({ browser }) => {
  const { articleId, commentId, slug, members } = seed(20, 10);
  const signInFields = await hiddenFieldsOf(browser, pair.a.url, "/signin", (page) => page.locator("main form:has(input[name='password'])"));
  // Each signs in through one instance and claims through the other: the session holds on both.
  const claimants = await Promise.all(
    members.map(async (member, i) => {
      const client = new Client(uniqueIp());
      const signedIn = await client.post(either(i), "/signin", { multipart: { ...signInFields, email: member.email, password: member.password } });
      expect(signedIn.status, `${member.email} signs in`).toBe(303);
      return client;
    }),
  );
  const claims = await Promise.all(
    claimants.map((client, i) => client.post(other(i), `/api/comments/${commentId}/spotlight`, { form: { kind: "first" } }, { accept: "application/json" })),
  );
  expect(countOf(claims.map((r) => r.status))).toEqual({ 200: 1, 403: 19 });
  const winner = claims.findIndex((r) => r.status === 200);
  expect(await claims[winner].json()).toEqual({ location: `/articles/${slug}#first-word` });
  for (const refused of claims.filter((r) => r.status === 403)) expect((await refused.json()).message).toBe("The first word has already been claimed.");

  const held = tally({ articleId, emails: members.map((m) => m.email) });
  expect(held.spotlights).toEqual([{ kind: "first", email: members[winner].email }]);
  const [spent] = held.members[winner].spends;
  expect(spent).toMatch(/^First Word on /);
  for (const [i, m] of held.members.entries()) {
    // The balance is the sum of the ledger; only the winner's moved.
    expect(m.credits, m.email).toBe(m.ledger);
    if (i === winner) expect({ spends: m.spends.length, below: m.credits < 10 }).toEqual({ spends: 1, below: true });
    else expect({ credits: m.credits, spends: m.spends }).toEqual({ credits: 10, spends: [] });
  }
});

test("killed in the middle of writes (SIGKILL), one instance leaves the other serving: pages, posts and votes", async () => {
  const { articleId, commentId, slug } = seed();
  const rating = (voter: Client, to: Instance) => voter.post(to, `/api/comments/${commentId}/rating`, { form: { control: "insightful", on: "1" } }, { accept: "application/json" });
  // A burst of votes to A; once one is stored (answered 200: any other first answer, such as a
  // 500 from a starved pool on a loaded machine, stores nothing) the rest are in flight, and A is killed.
  const burst = Array.from({ length: 40 }, () => rating(new Client(uniqueIp()), pair.a));
  await Promise.any(burst.map(async (answer) => ((await answer).status === 200 ? true : Promise.reject(new Error("not stored")))));
  expect(await pair.a.stop("SIGKILL")).toBeNull();
  const settled = await Promise.allSettled(burst);
  const answered = settled.filter((s) => s.status === "fulfilled").length;
  test.info().annotations.push({ type: "votes answered by A before it was killed", description: `${answered} of ${burst.length}` });

  const reader = new Client(uniqueIp());
  expect((await reader.get(pair.b, `/articles/${slug}`)).status).toBe(200);
  expect((await reader.get(pair.b, FLAGSHIP_PATH)).status).toBe(200);
  const posted = await reader.post(pair.b, "/api/comments", { json: { articleId, body: `After the crash ${uniqueSuffix()}`, anonEmail: `anon.${uniqueSuffix()}@example.test` } });
  expect(posted.status, await posted.clone().text()).toBe(201);
  expect((await rating(new Client(uniqueIp()), pair.b)).status).toBe(200);
  // Whatever A had half-written is gone whole: the counter still matches the vote rows.
  const { insightful } = tally({ commentId });
  expect(insightful!.counter).toBe(insightful!.rows);
  expect(insightful!.rows).toBeGreaterThanOrEqual(2);
});
