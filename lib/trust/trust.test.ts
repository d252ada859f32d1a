// The trust model end to end against a real database, as an attacker and as honest readers use
// it: what flags and ratings can do, per voice, per network and per record.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { grantCredits } from "../credits/ledger";
import { getDb } from "../db";
import { listReported } from "../moderation/reports";
import { rejectFlags, upholdFlags } from "../moderation/verdicts";
import { setFlag, setVote } from "../ratings/mutations";
import { voterFor } from "../ratings/voter";
import { defaultSettings } from "../settings/defaults";
import { settingsChanged } from "../settings/queries";
import { claimSpotlight } from "../spotlights/mutations";
import { testMember, testNetwork } from "../../tests/support/voices";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

const member = (network = testNetwork(), options: Parameters<typeof testMember>[0] = { trust: "member" }) =>
  testMember(options).then((viewer) => voterFor(viewer, `v${unique()}`, defaultSettings, network));
const visitor = (network = testNetwork()) => voterFor(null, `v${unique()}`, defaultSettings, network);

async function comment(): Promise<string> {
  const author = await testMember({ trust: "member" });
  const c = await db.comment.create({ data: { articleId, authorId: author.id, body: `Under attack ${unique()}` } });
  await db.comment.update({ where: { id: c.id }, data: { rootId: c.id } });
  return c.id;
}

const state = (id: string) =>
  db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, flagWeight: true, insightfulWeight: true, insightfulCount: true } });

async function withSetting<T>(key: string, value: unknown, run: () => Promise<T>): Promise<T> {
  await db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } });
  await settingsChanged();
  try {
    return await run();
  } finally {
    await db.setting.delete({ where: { key } });
    await settingsChanged();
  }
}

beforeAll(async () => {
  const author = await testMember({ role: "author" });
  const article = await db.article.create({
    data: { slug: `trust-${unique()}`, title: "Trust under test", dept: "testing", body: "Body", status: "published", publishedAt: new Date(), authorId: author.id },
  });
  articleId = article.id;
});

describe("no single person can hide a comment or mint a badge", () => {
  it("twenty cookie-less visitors, each from a forged network of its own: recorded, but nothing hidden, no badge, the First Word stays", async () => {
    const id = await comment();
    const patron = await testMember({ trust: "member" });
    await grantCredits("cli", patron.id, defaultSettings.firstWordCost, "test");
    await claimSpotlight(patron, id, "first");
    for (let i = 0; i < 20; i++) {
      await setFlag(visitor(), id, "spam");
      await setVote(visitor(), id, "insightful", true);
    }
    expect(await state(id)).toMatchObject({ status: "published", flagWeight: 0, insightfulWeight: 0, insightfulCount: 20 });
    expect(await db.flag.count({ where: { commentId: id } })).toBe(20);
    expect(await db.spotlight.count({ where: { commentId: id } })).toBe(1);
  });

  it("twenty fresh accounts from one network (new: unverified, minutes old): nothing", async () => {
    const id = await comment();
    const network = testNetwork();
    for (let i = 0; i < 20; i++) {
      const fresh = await member(network, { verified: false });
      await setFlag(fresh, id, "abusive");
      await setVote(fresh, id, "insightful", true);
    }
    expect(await state(id)).toMatchObject({ status: "published", flagWeight: 0, insightfulWeight: 0 });
    expect(await db.flag.findFirst({ where: { commentId: id }, select: { trust: true } })).toEqual({ trust: "new" });
  });

  it("twenty aged, verified accounts from one network: only the network's share counts", async () => {
    const id = await comment();
    const network = testNetwork();
    const voices = await Promise.all(Array.from({ length: 20 }, () => member(network, { ageDays: 20 })));
    // All at once: the comment row is locked first, so the cap holds under concurrency too.
    await Promise.all(voices.map((v) => setFlag(v, id, "spam")));
    await Promise.all(voices.map((v) => setVote(v, id, "insightful", true)));
    expect(await state(id)).toMatchObject({ status: "published", flagWeight: defaultSettings.networkVoiceCap, insightfulWeight: defaultSettings.networkVoiceCap });
  });

  it("one established member with a spotless record of upheld flags cannot hide a comment alone", async () => {
    const id = await comment();
    await setFlag(await member(testNetwork(), { trust: "established", flagsUpheld: 500 }), id, "spam");
    expect(await state(id)).toMatchObject({ status: "published", flagWeight: defaultSettings.flagHideWeight - 1 });
  });

  it("where an admin lets anonymous voices weigh something, they still stop one short of the threshold together", async () => {
    await withSetting("trustWeightAnonymous", 1, async () => {
      const id = await comment();
      for (let i = 0; i < 20; i++) await setFlag(visitor(), id, "trolling");
      expect(await state(id)).toMatchObject({ status: "published", flagWeight: defaultSettings.flagHideWeight - 1 });
      // Trusted voices still decide: one member tips it.
      await setFlag(await member(), id, "trolling");
      expect(await state(id)).toMatchObject({ status: "hidden" });
    });
  });
});

describe("honest use stays as easy as before", () => {
  it("established members from their own networks hide spam within five flags and earn a badge with five ratings", async () => {
    const spam = await comment();
    const good = await comment();
    const voices = await Promise.all(Array.from({ length: 5 }, () => member(testNetwork(), { ageDays: 30, trust: "established" })));
    for (const v of voices) await setFlag(v, spam, "spam");
    expect(await state(spam)).toMatchObject({ status: "hidden" });
    for (const v of voices) await setVote(v, good, "insightful", true);
    expect((await state(good)).insightfulWeight).toBeGreaterThanOrEqual(defaultSettings.insightfulBadgeThreshold);
  });

  it("members earn established by age, a verified email and published comments", async () => {
    const regular = await testMember({ ageDays: 20 });
    for (let i = 0; i < defaultSettings.establishedAfterComments; i++) {
      const c = await db.comment.create({ data: { articleId, authorId: regular.id, body: `Regular ${i} ${unique()}` } });
      await db.comment.update({ where: { id: c.id }, data: { rootId: c.id } });
    }
    const id = await comment();
    await setFlag(voterFor(regular, `v${unique()}`, defaultSettings, testNetwork()), id, "spam");
    expect(await db.flag.findFirstOrThrow({ where: { commentId: id }, select: { trust: true, weight: true } })).toEqual({ trust: "established", weight: 2 });
  });
});

describe("moderators' verdicts teach trust whose flags to believe", () => {
  async function moderator(): Promise<Viewer> {
    return testMember({ role: "moderator" });
  }

  it("upheld flags raise a flagger's weight; rejected ones lower it", async () => {
    const flagger = await testMember({ trust: "member" });
    const asFlagger = () => voterFor(flagger, `v${unique()}`, defaultSettings, testNetwork());
    const mod = await moderator();
    for (let i = 0; i < 3; i++) {
      const id = await comment();
      await setFlag(asFlagger(), id, "spam");
      await upholdFlags(mod, id);
      expect(await state(id)).toMatchObject({ status: "hidden" });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: flagger.id }, select: { flagsUpheld: true } })).toEqual({ flagsUpheld: 3 });
    const next = await comment();
    await setFlag(asFlagger(), next, "spam");
    expect((await state(next)).flagWeight).toBe(2);

    await rejectFlags(mod, next);
    expect(await state(next)).toMatchObject({ status: "published" });
    const after = await comment();
    await setFlag(asFlagger(), after, "spam");
    // 3 upheld − 2 × 1 rejected = 1 net: no bonus left, the member's base weight of 1.
    expect((await state(after)).flagWeight).toBe(1);
  });

  it("two moderators judging the same flags at once count them once", async () => {
    const flagger = await testMember({ trust: "member" });
    const id = await comment();
    await setFlag(voterFor(flagger, `v${unique()}`, defaultSettings, testNetwork()), id, "abusive");
    const results = await Promise.allSettled([upholdFlags(await moderator(), id), upholdFlags(await moderator(), id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: flagger.id }, select: { flagsUpheld: true } })).toEqual({ flagsUpheld: 1 });
  });

  it("the Reported view lists flags that hid nothing, with who raised them, and a verdict takes the comment off it", async () => {
    const id = await comment();
    const shared = testNetwork();
    await setFlag(visitor(shared), id, "spam");
    await setFlag(visitor(shared), id, "spam");
    await setFlag(await member(testNetwork(), { verified: false }), id, "abusive");
    const mod = await moderator();
    const all = await listReported(mod, 1, 1000);
    const item = all.items.find((i) => i.id === id);
    expect(item).toMatchObject({ status: "published", flagWeight: 0, networks: 2, byTrust: { anonymous: 2, new: 1 }, reasons: { spam: 2, abusive: 1, trolling: 0 } });
    expect(item?.flags.map((f) => f.flagger)).toContainEqual(expect.stringMatching(/^visitor [0-9a-f]{8}$/));
    await rejectFlags(mod, id);
    expect((await listReported(mod, 1, 1000)).items.find((i) => i.id === id)).toBeUndefined();
    await expect(listReported(await testMember(), 1)).rejects.toThrow(/moderators/);
  });
});
