// Flood limits per network against a real database: a poster who changes the last part of their
// address (and drops their cookie) is still one network, counted generously so neighbours are not
// blocked. Time moves through an injected clock, never by sleeping.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { FieldError, RateLimitedError } from "../errors";
import { networkOf } from "../http/client-address";
import { registerUser } from "../users/mutations";
import { NETWORK_LIMIT_FACTOR } from "./guards";
import { createComment } from "./mutations";
import { AnonymousPoster } from "./schemas";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

const newNetwork = () => {
  const [a, b, c] = randomBytes(3);
  return `${11 + (a % 200)}.${b}.${c}`;
};

/** A visitor with no cookie yet, at `ip`: a fresh visitor key and email each time. */
function postFrom(ip: string, now?: Date, body = `Flood ${unique()}`) {
  const anonymous = AnonymousPoster.parse({ anonName: "", anonEmail: `f.${unique()}@example.net`, anonWebsite: "" });
  return createComment({ viewer: null, anonymous, visitorId: `v${unique()}`, ip, network: networkOf(ip) }, { articleId, subject: "", body }, now);
}

async function setSetting(key: string, value: unknown) {
  await db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } });
}

beforeAll(async () => {
  const author = await registerUser({ name: "Author", email: `g-${unique()}@example.com`, password: "correct horse battery", role: "author" });
  articleId = (await db.article.create({ data: { slug: `guards-${unique()}`, title: "Flooded", dept: "d", body: "b", status: "published", publishedAt: new Date(), authorId: author.id } })).id;
});

afterEach(async () => {
  await db.setting.deleteMany({ where: { key: { in: ["commentIntervalSeconds", "anonymousCommentsPerHour"] } } });
});

describe("flood limits per network", () => {
  it("lets three addresses of a network post within the interval, not a fourth, and lets it once the interval is over", async () => {
    const net = newNetwork();
    const start = new Date();
    for (let host = 1; host <= NETWORK_LIMIT_FACTOR; host++) await expect(postFrom(`${net}.${host}`, start)).resolves.toMatchObject({ status: "published" });
    const refused = await postFrom(`${net}.99`, start).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused.message).toMatch(/wait (1[0-5]|[1-9]) seconds?/);
    // Another network is not held up.
    await expect(postFrom(`${newNetwork()}.1`, start)).resolves.toMatchObject({ status: "published" });
    await expect(postFrom(`${net}.99`, new Date(start.getTime() + 15_001))).resolves.toMatchObject({ status: "published" });
  });

  it("caps a network's anonymous comments an hour at three times an address's", async () => {
    await setSetting("commentIntervalSeconds", 0);
    await setSetting("anonymousCommentsPerHour", 2);
    const net = newNetwork();
    const start = new Date();
    const allowed = 2 * NETWORK_LIMIT_FACTOR;
    // Each address within its own cap of two, hopping addresses to get round it.
    for (let i = 0; i < allowed; i++) await expect(postFrom(`${net}.${1 + Math.floor(i / 2)}`, start)).resolves.toMatchObject({ status: "published" });
    await expect(postFrom(`${net}.200`, start)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(postFrom(`${newNetwork()}.200`, start)).resolves.toMatchObject({ status: "published" });
    await expect(postFrom(`${net}.200`, new Date(start.getTime() + 3600_001))).resolves.toMatchObject({ status: "published" });
  });

  it("still caps one address at its own limits", async () => {
    await setSetting("commentIntervalSeconds", 0);
    await setSetting("anonymousCommentsPerHour", 2);
    const ip = `${newNetwork()}.5`;
    await postFrom(ip);
    await postFrom(ip);
    await expect(postFrom(ip)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("refuses the same text from the same network, even without the cookie and from another address", async () => {
    await setSetting("commentIntervalSeconds", 0);
    const net = newNetwork();
    const body = `Buy my stuff ${unique()}`;
    await postFrom(`${net}.1`, undefined, body);
    const again = await postFrom(`${net}.2`, undefined, body).catch((e) => e);
    expect(again).toBeInstanceOf(FieldError);
    expect(again.field).toBe("body");
    // The same words from someone on another network are their own comment.
    await expect(postFrom(`${newNetwork()}.1`, undefined, body)).resolves.toMatchObject({ status: "published" });
  });
});
