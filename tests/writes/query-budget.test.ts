// The hot writes, posting a comment and rating one, held to the statements they need (issue 21):
// each statement is a round trip and, on SQLite, time under the one write lock, so one that comes
// back unneeded (a row read twice, a settings read per call, a rate-limit read outside the write)
// fails here. Called as the API routes call them, with a request's cookies and address.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CookieJar, enterRequest, leaveRequest } from "../security/request-context";

vi.mock("next/headers", async () => {
  const { currentRequest } = await import("../security/request-context");
  return { cookies: async () => currentRequest().jar, headers: async () => currentRequest().headers };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const { getDb } = await import("../../lib/db");
const { watchQueries } = await import("../support/watch-queries");
const { submitComment } = await import("../../lib/comments/submit");
const { submitRating } = await import("../../lib/ratings/submit");
const { registerUser } = await import("../../lib/users/mutations");
const { startSession, sessionCookieName } = await import("../../lib/auth/session");
const { CLIENT_ADDRESS_HEADER } = await import("../../lib/http/client-address");
const { getSettings } = await import("../../lib/settings/queries");
const { databaseKind } = await import("../../lib/env");

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let serial = 0;
// Each request from an address of its own, as the benchmark sends them: no limit is near.
const freshAddress = () => `fd00:21:${(++serial).toString(16)}::1`;
let articleId: string;
let commentId: string;
let memberCookie: string;

// Statements one call sends, by kind: "BEGIN"/"COMMIT" and the first word of the others.
async function statementsOf(call: () => Promise<unknown>, cookie?: string): Promise<string[]> {
  const seen: string[] = [];
  // No sweep of expired slots this time (lib/rate-limit.ts does one on 2 % of calls).
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  // The process's copy of the settings is young, as on a site that serves requests: it is read
  // again only every few seconds (lib/settings/cache.ts), which a slow run could otherwise reach.
  await getSettings();
  const restore = watchQueries((sql) => seen.push(sql));
  enterRequest({ jar: new CookieJar(cookie ? { [sessionCookieName()]: cookie } : {}), headers: new Headers({ [CLIENT_ADDRESS_HEADER]: freshAddress() }), failures: [] });
  try {
    await call();
  } finally {
    leaveRequest();
    await restore();
  }
  return seen;
}

const post = (body: string) => submitComment({ articleId, body, anonEmail: `q-${unique()}@example.test` });
const rate = () => submitRating(commentId, { control: "insightful", on: true });

beforeAll(async () => {
  const author = await registerUser({ name: "Author", email: `a-${unique()}@example.com`, password: "correct horse battery", role: "author" });
  const reader = await registerUser({ name: "Reader", handle: `r_${unique()}`, email: `r-${unique()}@example.com`, password: "correct horse battery" });
  memberCookie = await startSession(reader.id);
  const article = await db.article.create({
    data: { slug: `budget-${unique()}`, title: "Budget", dept: "testing", body: "Body", status: "published", publishedAt: new Date(), authorId: author.id },
  });
  articleId = article.id;
  enterRequest({ jar: new CookieJar(), headers: new Headers({ [CLIENT_ADDRESS_HEADER]: freshAddress() }), failures: [] });
  const created = await post("The comment everyone rates.");
  leaveRequest();
  if (!("created" in created)) throw new Error("setup comment refused");
  commentId = created.created.id;
  // Warm-up: the first call of each kind pays for settings and whatever a process reads once.
  await statementsOf(() => post(`warm-up ${unique()}`));
  await statementsOf(rate);
});

afterEach(() => vi.restoreAllMocks());
afterAll(() => leaveRequest());

// What each statement is about, for messages that say which one came back.
const summary = (sql: string[]) => sql.map((q) => (q === "COMMIT" ? q : `${q.split(" ")[0]} ${/`main`\.`(\w+)`|"public"\."(\w+)"/.exec(q)?.slice(1).find(Boolean) ?? "?"}`));
const reads = (summarized: string[], table: string) => summarized.filter((s) => s === `SELECT ${table}`).length;

// Budgets on SQLite and PostgreSQL alike (measured: issue 21). Before: an anonymous post sent 27
// statements, a member's 22, an anonymous vote 12, a member's 13. Settings are read once per
// process (lib/settings/cache.ts), not per write: none of these reads them.
describe("statements per write", () => {
  it("an anonymous comment: three bans, then one transaction (duplicate, limits, article, insert, count, followers)", async () => {
    const sql = summary(await statementsOf(() => post(`Anonymous ${unique()}`)));
    expect(sql.length, sql.join(", ")).toBeLessThanOrEqual(11);
    expect(reads(sql, "Setting")).toBe(0);
    // All six flood limits in one read and one insert, inside the write.
    expect(reads(sql, "RateLimitSlot")).toBe(1);
    expect(sql.filter((s) => s === "INSERT RateLimitSlot")).toHaveLength(1);
    // The new comment is written once and never read back (outbox, live announce).
    expect(sql.filter((s) => s.endsWith(" Comment"))).toEqual(["SELECT Comment", "INSERT Comment"]);
    expect(sql.at(-1)).toBe("COMMIT");
  });

  // The duplicate check ran on the article's index and read every comment of its last five
  // minutes: on a busy discussion most of the post's time (measured: issue 21). SQLite plans
  // without table statistics, so its plan is the same on every database the test starts.
  it.runIf(databaseKind() === "sqlite")("an anonymous post's duplicate check reads the poster's own recent comments, not the article's", async () => {
    const seen: string[] = [];
    const restore = watchQueries((sql) => seen.push(sql));
    enterRequest({ jar: new CookieJar(), headers: new Headers({ [CLIENT_ADDRESS_HEADER]: freshAddress() }), failures: [] });
    try {
      await post(`Planned ${unique()}`);
    } finally {
      leaveRequest();
      await restore();
    }
    const check = seen.find((sql) => sql.startsWith("SELECT") && sql.includes("`main`.`Comment`"))!;
    const params = Array.from({ length: check.split("?").length - 1 }, () => "x");
    const plan = (await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${check}`, ...params)).map((row) => row.detail);
    expect(plan.join("; ")).toMatch(/visitorKey_articleId_createdAt.*network_articleId_createdAt/);
    expect(plan.join("; ")).not.toMatch(/articleId_createdAt_idx \(articleId=\? AND createdAt>\?\)/);
  });

  it("a member's comment: the session, then as above with a follow of their own thread", async () => {
    const sql = summary(await statementsOf(() => post(`Member ${unique()}`), memberCookie));
    expect(sql.length, sql.join(", ")).toBeLessThanOrEqual(12);
    expect([reads(sql, "Setting"), reads(sql, "Session"), reads(sql, "RateLimitSlot")]).toEqual([0, 1, 1]);
    expect(sql.filter((s) => s.endsWith(" Comment"))).toEqual(["SELECT Comment", "INSERT Comment"]);
  });

  it("an anonymous vote: no settings read, limits inside the write, the comment read once", async () => {
    const sql = summary(await statementsOf(rate));
    expect(sql.length, sql.join(", ")).toBeLessThanOrEqual(6);
    expect([reads(sql, "Setting"), reads(sql, "RateLimitSlot"), reads(sql, "Comment"), reads(sql, "Article")]).toEqual([0, 1, 1, 0]);
    expect(sql.at(-1)).toBe("COMMIT");
  });

  it("a member's vote: their session and trust besides", async () => {
    const sql = summary(await statementsOf(rate, memberCookie));
    expect(sql.length, sql.join(", ")).toBeLessThanOrEqual(9);
    expect([reads(sql, "Setting"), reads(sql, "RateLimitSlot"), reads(sql, "Comment"), reads(sql, "Article")]).toEqual([0, 1, 1, 0]);
  });
});
