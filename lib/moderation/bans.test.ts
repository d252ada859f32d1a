// Bans of anonymous posters against a real database, acted out as the banned poster would try to
// get round them: without their cookie, from another address of their network, with the same
// email from elsewhere; and as their neighbours meet them. Time moves through an injected clock.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { createComment } from "../comments/mutations";
import { AnonymousPoster } from "../comments/schemas";
import { getDb } from "../db";
import { ForbiddenError } from "../errors";
import { networkOf } from "../http/client-address";
import { registerUser } from "../users/mutations";
import { settingsChanged } from "../settings/queries";
import { banAuthor, liftBan } from "./bans";
import { emailBanHash, NETWORK_BAN_DAYS } from "./posting-bans";
import { listBans, listModerationLog } from "./queries";
import { ModerationAction } from "./types";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
const DAY = 24 * 3600_000;
let articleId: string;
let moderator: Viewer;

/** A /24 of its own ("a.b.c"). */
const newNetwork = () => {
  const [a, b, c] = randomBytes(3);
  return `${11 + (a % 200)}.${b}.${c}`;
};
const email = () => `poster.${unique()}@example.net`;

type Who = { ip: string; visitorId?: string; email?: string; viewer?: Viewer };

/** Posts as a browser would reach createComment: the address and its network from the server. */
function post(who: Who, now?: Date) {
  const anonymous = who.viewer ? undefined : AnonymousPoster.parse({ anonName: "Drive-by", anonEmail: who.email ?? email(), anonWebsite: "" });
  return createComment(
    { viewer: who.viewer ?? null, anonymous, visitorId: who.visitorId ?? `v${unique()}`, ip: who.ip, network: networkOf(who.ip) },
    { articleId, subject: "", body: `Posted ${unique()}` },
    now,
  );
}

async function member(role: Viewer["role"] = "reader"): Promise<Viewer> {
  const name = `M ${unique()}`;
  const u = await registerUser({ name, handle: `b_${unique()}`, email: `b-${unique()}@example.com`, password: "correct horse battery", role });
  return { id: u.id, handle: u.handle, name, role, isBanned: false, sessionId: "test" };
}

/** An anonymous poster who posts once and is banned over that comment. */
async function bannedPoster(ip: string, now?: Date) {
  const who = { ip, visitorId: `v${unique()}`, email: email() };
  const first = await post(who, now);
  expect(first.status).toBe("published");
  expect(await banAuthor(moderator, first.id, "Spam run", now)).toMatchObject({ banned: "visitor" });
  return { ...who, commentId: first.id };
}

beforeAll(async () => {
  moderator = await member("moderator");
  const author = await member("author");
  articleId = (await db.article.create({ data: { slug: `bans-${unique()}`, title: "Banned", dept: "d", body: "b", status: "published", publishedAt: new Date(), authorId: author.id } })).id;
  // The flood limits have tests of their own (lib/comments/guards.test.ts).
  await db.setting.upsert({ where: { key: "commentIntervalSeconds" }, create: { key: "commentIntervalSeconds", value: "0" }, update: { value: "0" } });
  await settingsChanged();
});

afterAll(async () => {
  await db.setting.deleteMany({ where: { key: "commentIntervalSeconds" } });
  await settingsChanged();
});

describe("banning an anonymous poster", () => {
  it("stores each comment's network, never the full address", async () => {
    const net = newNetwork();
    const { id } = await post({ ip: `${net}.42` });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).network).toBe(`${net}.0/24`);
    const v6 = await post({ ip: "2001:db8:aa:bb:1:2:3:4" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: v6.id } })).network).toBe("2001:db8:aa:bb::/64");
  });

  it("bans the visitor, their network for a while and the keyed hash of their email, never the address itself", async () => {
    const before = Date.now();
    const poster = await bannedPoster(`${newNetwork()}.10`);
    const network = networkOf(poster.ip);
    const ban = await db.networkBan.findUniqueOrThrow({ where: { network } });
    expect(ban.reason).toBe("Spam run");
    expect(ban.expiresAt.getTime() - before).toBeGreaterThanOrEqual(NETWORK_BAN_DAYS * DAY);
    expect(ban.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(NETWORK_BAN_DAYS * DAY);
    expect(await db.visitorBan.findUnique({ where: { visitorKey: poster.visitorId } })).toBeTruthy();
    const emailBan = await db.emailBan.findUniqueOrThrow({ where: { emailHash: emailBanHash(poster.email) } });
    expect(JSON.stringify(emailBan)).not.toContain(poster.email.split("@")[0]);
    expect(emailBanHash(` ${poster.email.toUpperCase()} `)).toBe(emailBan.emailHash);
  });

  it("holds the banned poster's new comments when they drop their cookie on the same network, and refuses their email from anywhere", async () => {
    const net = newNetwork();
    const poster = await bannedPoster(`${net}.10`);
    const count = async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;
    const before = await count();

    // No cookie, a new address in the same network, a new email: held for a moderator.
    const held = await post({ ip: `${net}.99`, email: email() });
    expect(held).toMatchObject({ status: "pending", heldBecause: "network" });
    expect(await count()).toBe(before);

    // The same email, with no cookie, from another network: refused.
    await expect(post({ ip: `${newNetwork()}.7`, email: poster.email.toUpperCase() })).rejects.toBeInstanceOf(ForbiddenError);
    // The cookie, from another network: refused, as before.
    await expect(post({ ip: `${newNetwork()}.7`, visitorId: poster.visitorId })).rejects.toBeInstanceOf(ForbiddenError);
    // Anyone else elsewhere posts as usual.
    await expect(post({ ip: `${newNetwork()}.7` })).resolves.toMatchObject({ status: "published" });
  });

  it("holds, never refuses, a neighbour on the banned network, IPv6 too", async () => {
    const net = newNetwork();
    await bannedPoster(`${net}.10`);
    await expect(post({ ip: `${net}.200` })).resolves.toMatchObject({ status: "pending", heldBecause: "network" });

    const prefix = `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
    await bannedPoster(`${prefix}::1`);
    await expect(post({ ip: `${prefix}:ffff:1:2:3` })).resolves.toMatchObject({ status: "pending", heldBecause: "network" });
    await expect(post({ ip: `2001:db8:ffff:${randomBytes(2).toString("hex")}::1` })).resolves.toMatchObject({ status: "published" });
  });

  it("ends the network's hold when its period is over, while the visitor and email bans stay", async () => {
    const start = new Date();
    const net = newNetwork();
    const poster = await bannedPoster(`${net}.10`, start);
    const at = (days: number) => new Date(start.getTime() + days * DAY);
    await expect(post({ ip: `${net}.20` }, at(NETWORK_BAN_DAYS - 1))).resolves.toMatchObject({ status: "pending" });
    await expect(post({ ip: `${net}.21` }, at(NETWORK_BAN_DAYS + 1))).resolves.toMatchObject({ status: "published" });
    await expect(post({ ip: `${net}.22`, email: poster.email }, at(NETWORK_BAN_DAYS + 1))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(post({ ip: `${net}.23`, visitorId: poster.visitorId }, at(NETWORK_BAN_DAYS + 1))).rejects.toBeInstanceOf(ForbiddenError);
    // Listed, today, with the end of its hold.
    const listed = (await listBans(moderator)).filter((b) => b.kind === "network" && b.target === `${net}.0/24`);
    expect(listed).toHaveLength(1);
    expect(listed[0].until).toBe(new Date(start.getTime() + NETWORK_BAN_DAYS * DAY).toISOString());
  });

  it("holds members who joined after the network's ban, not those from before, nor moderators", async () => {
    const net = newNetwork();
    const before = await member();
    const staff = await member("moderator");
    await bannedPoster(`${net}.10`);
    const after = await member();
    await expect(post({ ip: `${net}.30`, viewer: before })).resolves.toMatchObject({ status: "published" });
    await expect(post({ ip: `${net}.31`, viewer: staff })).resolves.toMatchObject({ status: "published" });
    await expect(post({ ip: `${net}.32`, viewer: after })).resolves.toMatchObject({ status: "pending", heldBecause: "network" });
    await expect(post({ ip: `${newNetwork()}.32`, viewer: after })).resolves.toMatchObject({ status: "published" });
  });

  it("bans no network when the comment came with no known address", async () => {
    const who = { ip: "unknown", visitorId: `v${unique()}`, email: email() };
    const { id } = await createComment(
      { viewer: null, anonymous: AnonymousPoster.parse({ anonName: "", anonEmail: who.email, anonWebsite: "" }), visitorId: who.visitorId, ip: "unknown", network: "unknown" },
      { articleId, subject: "", body: `Nowhere ${unique()}` },
    );
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).network).toBeNull();
    await banAuthor(moderator, id, "No address");
    expect(await db.networkBan.findUnique({ where: { network: "unknown" } })).toBeNull();
    await expect(post({ ip: `${newNetwork()}.1`, email: who.email })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("lifting a ban", () => {
  it("lifts the visitor's ban with their network and email", async () => {
    const net = newNetwork();
    const poster = await bannedPoster(`${net}.10`);
    await liftBan(moderator, { kind: "visitor", target: poster.visitorId }, "Appeal");
    expect(await db.networkBan.findUnique({ where: { network: `${net}.0/24` } })).toBeNull();
    expect(await db.emailBan.findUnique({ where: { emailHash: emailBanHash(poster.email) } })).toBeNull();
    await expect(post({ ip: `${net}.10`, visitorId: poster.visitorId, email: poster.email })).resolves.toMatchObject({ status: "published" });
    await expect(post({ ip: `${net}.11` })).resolves.toMatchObject({ status: "published" });
  });

  it("keeps a network or an email while another banned poster's ban still covers it", async () => {
    const [home, away] = [newNetwork(), newNetwork()];
    const sharedEmail = email();
    // Three posters, all posting before any ban: two share a network, two share an email.
    const posters = [
      { ip: `${home}.10`, visitorId: `v${unique()}`, email: sharedEmail },
      { ip: `${home}.11`, visitorId: `v${unique()}`, email: email() },
      { ip: `${away}.12`, visitorId: `v${unique()}`, email: sharedEmail },
    ];
    const comments = [];
    for (const p of posters) comments.push(await post(p));
    for (const c of comments) await banAuthor(moderator, c.id, "Ring of spammers");
    const neighbour = () => post({ ip: `${home}.${50 + (randomBytes(1)[0] % 200)}` });
    const sharedEmailFromElsewhere = () => post({ ip: `${newNetwork()}.4`, email: sharedEmail });

    await liftBan(moderator, { kind: "visitor", target: posters[0].visitorId });
    await expect(neighbour()).resolves.toMatchObject({ status: "pending" });
    await expect(sharedEmailFromElsewhere()).rejects.toBeInstanceOf(ForbiddenError);

    await liftBan(moderator, { kind: "visitor", target: posters[1].visitorId });
    await expect(neighbour()).resolves.toMatchObject({ status: "published" });
    await expect(sharedEmailFromElsewhere()).rejects.toBeInstanceOf(ForbiddenError);

    await liftBan(moderator, { kind: "visitor", target: posters[2].visitorId });
    await expect(sharedEmailFromElsewhere()).resolves.toMatchObject({ status: "published" });
  });

  it("lists a held network with its end, and lifts it alone, recorded in the log", async () => {
    const net = newNetwork();
    const poster = await bannedPoster(`${net}.10`);
    const entry = (await listBans(moderator)).find((b) => b.kind === "network" && b.target === `${net}.0/24`);
    expect(entry).toMatchObject({ label: `${net}.0/24`, reason: "Spam run", until: expect.any(String) });

    await liftBan(moderator, { kind: "network", target: `${net}.0/24` }, "Shared campus network");
    await expect(post({ ip: `${net}.12` })).resolves.toMatchObject({ status: "published" });
    // The poster's own ban stays.
    await expect(post({ ip: `${net}.13`, visitorId: poster.visitorId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listBans(moderator)).some((b) => b.kind === "network" && b.target === `${net}.0/24`)).toBe(false);
    expect(await listModerationLog(moderator)).toContainEqual(
      expect.objectContaining({ action: ModerationAction.unbanNetwork, reason: `Network ${net}.0/24: Shared campus network` }),
    );
    await expect(liftBan(moderator, { kind: "network", target: `${net}.0/24` })).rejects.toThrow("That network is not held for review.");
  });
});
