// Rating and flagging against a real database: one vote per voter per kind however many
// requests arrive at once, counters that equal their rows, hiding by trusted flag weight, and the
// rights rules (no rating one's own comment, anonymous rating only where the site allows it).
// What each voice weighs is lib/trust's (trust.test.ts there tests the attacks); here, members
// are "member" level (weight 1) unless a test says otherwise, and established ones weigh 2.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { ForbiddenError, RateLimitedError } from "../errors";
import { liveCount } from "../rate-limit";
import { defaultSettings } from "../settings/defaults";
import { testMember, testNetwork } from "../../tests/support/voices";
import { setFlag, setVote } from "./mutations";
import { viewerArticleState, viewerRatings } from "./queries";
import { voterFor, type Voter } from "./voter";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

const member = (role: Viewer["role"] = "reader") => testMember({ role, trust: "member" });
const established = () => testMember({ trust: "established" });

// Each voice from a network of its own unless a test is about sharing one.
const asMember = (viewer: Viewer, network = testNetwork()): Voter => voterFor(viewer, `v${unique()}`, defaultSettings, network);
const asVisitor = (network = testNetwork()): Voter => voterFor(null, `v${unique()}`, defaultSettings, network);

async function comment(authorId?: string, visitorKey?: string): Promise<string> {
  const c = await db.comment.create({ data: { articleId, authorId, visitorKey, body: `Worth rating ${unique()}`, anonEmail: authorId ? null : "a@example.net" } });
  await db.comment.update({ where: { id: c.id }, data: { rootId: c.id } });
  return c.id;
}

const counters = (id: string) =>
  db.comment.findUniqueOrThrow({ where: { id }, select: { insightfulCount: true, funnyCount: true, insightfulWeight: true, funnyWeight: true, flagWeight: true, status: true, hiddenBy: true } });

beforeAll(async () => {
  const author = await testMember({ role: "author" });
  const article = await db.article.create({
    data: { slug: `ratings-${unique()}`, title: "Rated thread", dept: "testing", body: "Body", status: "published", publishedAt: new Date(), authorId: author.id },
  });
  articleId = article.id;
});

describe("setVote", () => {
  it("rates and withdraws, moving the counter with the row", async () => {
    const id = await comment((await member()).id);
    const voter = asMember(await member());
    await setVote(voter, id, "insightful", true);
    expect(await counters(id)).toMatchObject({ insightfulCount: 1, insightfulWeight: 1 });
    await setVote(voter, id, "insightful", false);
    await setVote(voter, id, "insightful", false);
    expect(await counters(id)).toMatchObject({ insightfulCount: 0, insightfulWeight: 0 });
    expect(await db.vote.count({ where: { commentId: id } })).toBe(0);
  });

  it("counts 50 identical votes sent at once from one voter as one", async () => {
    const id = await comment((await member()).id);
    const voter = asMember(await member());
    await Promise.all(Array.from({ length: 50 }, () => setVote(voter, id, "funny", true)));
    expect(await db.vote.count({ where: { commentId: id, kind: "funny" } })).toBe(1);
    expect(await counters(id)).toMatchObject({ funnyCount: 1, funnyWeight: 1 });
  });

  it("counts every attempt against the rate limits taken inside the vote, repeats and refusals too: 12 at once under a limit of 10 leave one vote and two refusals", async () => {
    const id = await comment((await member()).id);
    const voter = asVisitor();
    const limits = [{ key: `test-rate:${unique()}`, limit: 10, windowMs: 60_000 }];
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => setVote(voter, id, "insightful", true, { limits })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.any(RateLimitedError), expect.any(RateLimitedError)]);
    expect(await liveCount(limits[0].key)).toBe(10);
    expect(await counters(id)).toMatchObject({ insightfulCount: 1 });
    // One's own comment is refused, and that attempt counts as well.
    const own = { key: `test-rate:${unique()}`, limit: 1, windowMs: 60_000 };
    const author = await member();
    const mine = await comment(author.id);
    await expect(setVote(asMember(author), mine, "funny", true, { limits: [own] })).rejects.toThrow(ForbiddenError);
    expect(await liveCount(own.key)).toBe(1);
  });

  it("counts 200 voters voting at once exactly, the counter equal to the rows and the weight to theirs", async () => {
    const id = await comment((await member()).id);
    const visitors = Array.from({ length: 150 }, () => asVisitor());
    const members = await Promise.all(Array.from({ length: 50 }, async () => asMember(await member())));
    await Promise.all([...visitors, ...members].map((v) => setVote(v, id, "insightful", true)));
    const rows = await db.vote.aggregate({ where: { commentId: id, kind: "insightful" }, _count: { _all: true }, _sum: { weight: true } });
    expect(rows._count._all).toBe(200);
    // Anonymous ratings are recorded but weigh nothing by default; each member's weighs 1.
    expect(rows._sum.weight).toBe(50);
    expect(await counters(id)).toMatchObject({ insightfulCount: 200, insightfulWeight: 50 });
  });

  it("refuses a rating of one's own comment, member or anonymous", async () => {
    const author = await member();
    const own = await comment(author.id);
    await expect(setVote(voterFor(author, "vx", defaultSettings, testNetwork()), own, "insightful", true)).rejects.toBeInstanceOf(ForbiddenError);
    const visitor = asVisitor();
    const anonOwn = await comment(undefined, visitor.visitorId);
    await expect(setFlag(visitor, anonOwn, "spam")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counters(own)).toMatchObject({ insightfulCount: 0 });
  });

  it("lets anonymous visitors rate only while the site allows it", () => {
    expect(() => voterFor(null, "v1", { ...defaultSettings, anonymousRating: false }, "10.0.0.0/24")).toThrow(ForbiddenError);
    expect(voterFor(null, "v1", defaultSettings, "10.0.0.0/24")).toMatchObject({ key: "v:v1", kind: "visitor" });
  });
});

describe("setFlag", () => {
  it("hides a comment when trusted flag weight reaches the threshold (members 1, established 2, visitors 0) and shows it again when flags are withdrawn", async () => {
    const id = await comment((await member()).id);
    const [e1, e2, m1] = [asMember(await established()), asMember(await established()), asMember(await member())];
    await setFlag(e1, id, "trolling");
    await setFlag(e2, id, "abusive");
    expect((await setFlag(asVisitor(), id, "spam")).hiddenBy).toBeNull();
    expect(await counters(id)).toMatchObject({ flagWeight: 4, status: "published" });
    // The flag that tips it says so, for the flagger's page to fold the comment at once.
    expect((await setFlag(m1, id, "spam")).hiddenBy).toBe("community");
    expect(await counters(id)).toMatchObject({ flagWeight: 5, status: "hidden", hiddenBy: "community" });
    expect((await setFlag(e2, id, null)).hiddenBy).toBeNull();
    expect(await counters(id)).toMatchObject({ flagWeight: 3, status: "published", hiddenBy: null });
  });

  it("hides at once when a moderator flags", async () => {
    const id = await comment((await member()).id);
    expect(await setFlag(asMember(await member("moderator")), id, "spam")).toMatchObject({ on: true, changesPage: true, hiddenBy: "moderator" });
    expect(await counters(id)).toMatchObject({ status: "hidden", hiddenBy: "moderator" });
  });

  it("counts a flag sent many times at once once", async () => {
    const id = await comment((await member()).id);
    const voter = asMember(await member());
    await Promise.all(Array.from({ length: 20 }, () => setFlag(voter, id, "spam")));
    expect(await db.flag.count({ where: { commentId: id } })).toBe(1);
    expect((await counters(id)).flagWeight).toBe(1);
  });

  it("only weight beyond what a moderator approved hides a comment again", async () => {
    const id = await comment((await member()).id);
    await db.comment.update({ where: { id }, data: { flagWeight: 6, flagWeightApproved: 6 } });
    await setFlag(asMember(await established()), id, "spam");
    await setFlag(asMember(await established()), id, "spam");
    expect(await counters(id)).toMatchObject({ status: "published" });
    await setFlag(asMember(await member()), id, "spam");
    expect(await counters(id)).toMatchObject({ status: "hidden", hiddenBy: "community" });
  });
});

describe("viewerRatings", () => {
  it("tells a voter their own votes and flags, and counts only for their own comments or a moderator", async () => {
    const author = await member();
    const id = await comment(author.id);
    const rater = await member();
    await setVote(asMember(rater), id, "funny", true);
    await setFlag(asMember(rater), id, "spam");
    const theirs = await viewerRatings(articleId, rater, null);
    expect(theirs.votes[id]).toEqual(["funny"]);
    expect(theirs.flagged).toContain(id);
    expect(theirs.counts[id]).toBeUndefined();
    const authors = await viewerRatings(articleId, author, null);
    expect(authors.own).toContain(id);
    expect(authors.counts[id]).toEqual({ insightful: 0, funny: 1, flagWeight: 1 });
    const moderators = await viewerRatings(articleId, await member("moderator"), null);
    expect(moderators.counts[id]).toEqual({ insightful: 0, funny: 1, flagWeight: 1 });
  });
});

describe("viewerArticleState", () => {
  it("gives a reader's votes and flags on this article only, with what they may edit or delete", async () => {
    const rater = await member();
    const theirOwn = await comment(rater.id);
    const other = await comment((await member()).id);
    const flaggedOne = await comment((await member()).id);
    await setVote(asMember(rater), other, "insightful", true);
    await setVote(asMember(rater), other, "funny", true);
    await setFlag(asMember(rater), flaggedOne, "spam");
    // A vote on another article's comment is not this article's.
    const elsewhere = await db.article.create({ data: { slug: `elsewhere-${unique()}`, title: "Elsewhere", dept: "testing", body: "Another article.", status: "published", publishedAt: new Date(), authorId: rater.id } });
    const outside = await db.comment.create({ data: { articleId: elsewhere.id, authorId: (await member()).id, body: `Elsewhere ${unique()}` } });
    await setVote(asMember(rater), outside.id, "funny", true);

    const state = await viewerArticleState(articleId, rater, null);
    expect(state.ratings.votes).toEqual({ [other]: expect.arrayContaining(["insightful", "funny"]) });
    expect(state.ratings.votes[other]).toHaveLength(2);
    expect(state.ratings.flagged).toEqual([flaggedOne]);
    expect(state.ratings.own).toEqual([theirOwn]);
    expect(state.editable).toEqual([theirOwn]);
    expect(state.deletable).toEqual([theirOwn]);
    expect(await viewerRatings(articleId, rater, null)).toEqual(state.ratings);

    const moderator = await viewerArticleState(articleId, await member("moderator"), null);
    expect(moderator.editable).toEqual(expect.arrayContaining([theirOwn, other]));
    expect(moderator.ratings.votes).toEqual({});
    expect(await viewerArticleState(articleId, null, null)).toEqual({ ratings: { votes: {}, flagged: [], own: [], counts: {} }, editable: [], deletable: [] });
  });
});

describe("after a moderator's approval", () => {
  it("a comment a moderator's flag hid stays up until new weight reaches the threshold", async () => {
    const id = await comment((await member()).id);
    await setFlag(asMember(await member("moderator")), id, "spam");
    expect(await counters(id)).toMatchObject({ status: "hidden", hiddenBy: "moderator" });
    // What approving in the queue does (lib/moderation): publish, and mark the weight approved.
    const { flagWeight } = await db.comment.findUniqueOrThrow({ where: { id }, select: { flagWeight: true } });
    await db.comment.update({ where: { id }, data: { status: "published", hiddenBy: null, flagWeightApproved: flagWeight } });
    await setFlag(asMember(await established()), id, "spam");
    await setFlag(asMember(await member()), id, "spam");
    expect(await counters(id)).toMatchObject({ status: "published" });
  });
});

describe("which ratings change the cached page", () => {
  it("only the vote that crosses the badge threshold, either way", async () => {
    const id = await comment((await member()).id);
    const voters = await Promise.all(Array.from({ length: 6 }, async () => asMember(await member())));
    const changes: boolean[] = [];
    for (const v of voters) changes.push((await setVote(v, id, "insightful", true)).changesPage);
    // Threshold 5: the fifth vote brings the badge; the sixth changes nothing readers see.
    expect(changes).toEqual([false, false, false, false, true, false]);
    expect((await setVote(voters[5], id, "insightful", false)).changesPage).toBe(false);
    expect((await setVote(voters[4], id, "insightful", false)).changesPage).toBe(true);
  });

  it("a flag on a visible comment under the threshold changes nothing; on a hidden one it does", async () => {
    const id = await comment((await member()).id);
    expect((await setFlag(asMember(await established()), id, "spam")).changesPage).toBe(false);
    expect((await setFlag(asMember(await established()), id, "spam")).changesPage).toBe(false);
    expect((await setFlag(asMember(await member()), id, "spam")).changesPage).toBe(true);
    // Even a flag that adds no weight shows: a hidden comment lists its flags' reasons.
    expect((await setFlag(asVisitor(), id, "abusive")).changesPage).toBe(true);
  });
});
