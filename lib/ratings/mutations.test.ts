// Rating and flagging against a real database: one vote per voter per kind however many
// requests arrive at once, counters that equal their rows, hiding by flag weight, and the rights
// rules (no rating one's own comment, anonymous rating only where the site allows it).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { ForbiddenError } from "../errors";
import { defaultSettings } from "../settings/defaults";
import { registerUser } from "../users/mutations";
import { setFlag, setVote } from "./mutations";
import { viewerRatings } from "./queries";
import { voterFor, type Voter } from "./voter";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

async function member(role: Viewer["role"] = "reader"): Promise<Viewer> {
  const u = await registerUser({ name: "Rater", handle: `r_${unique()}`, email: `r-${unique()}@example.com`, password: "correct horse battery", role });
  return { id: u.id, handle: u.handle, name: "Rater", role, isBanned: false, sessionId: "test" };
}

const asMember = (viewer: Viewer): Voter => voterFor(viewer, `v${unique()}`, defaultSettings);
const asVisitor = (): Voter => voterFor(null, `v${unique()}`, defaultSettings);

async function comment(authorId?: string, visitorKey?: string): Promise<string> {
  const c = await db.comment.create({ data: { articleId, authorId, visitorKey, body: `Worth rating ${unique()}`, anonEmail: authorId ? null : "a@example.net" } });
  await db.comment.update({ where: { id: c.id }, data: { rootId: c.id } });
  return c.id;
}

const counters = (id: string) => db.comment.findUniqueOrThrow({ where: { id }, select: { insightfulCount: true, funnyCount: true, flagWeight: true, status: true, hiddenBy: true } });

beforeAll(async () => {
  const author = await registerUser({ name: "Author", email: `a-${unique()}@example.com`, password: "correct horse battery", role: "author" });
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
    expect((await counters(id)).insightfulCount).toBe(1);
    await setVote(voter, id, "insightful", false);
    await setVote(voter, id, "insightful", false);
    expect((await counters(id)).insightfulCount).toBe(0);
    expect(await db.vote.count({ where: { commentId: id } })).toBe(0);
  });

  it("counts 50 identical votes sent at once from one voter as one", async () => {
    const id = await comment((await member()).id);
    const voter = asMember(await member());
    await Promise.all(Array.from({ length: 50 }, () => setVote(voter, id, "funny", true)));
    expect(await db.vote.count({ where: { commentId: id, kind: "funny" } })).toBe(1);
    expect((await counters(id)).funnyCount).toBe(1);
  });

  it("counts 200 voters voting at once exactly, the counter equal to the rows", async () => {
    const id = await comment((await member()).id);
    const voters = Array.from({ length: 200 }, asVisitor);
    await Promise.all(voters.map((v) => setVote(v, id, "insightful", true)));
    const rows = await db.vote.count({ where: { commentId: id, kind: "insightful" } });
    expect(rows).toBe(200);
    expect((await counters(id)).insightfulCount).toBe(rows);
  });

  it("refuses a rating of one's own comment, member or anonymous", async () => {
    const author = await member();
    const own = await comment(author.id);
    await expect(setVote(voterFor(author, "vx", defaultSettings), own, "insightful", true)).rejects.toBeInstanceOf(ForbiddenError);
    const visitor = asVisitor();
    const anonOwn = await comment(undefined, visitor.visitorId);
    await expect(setFlag(visitor, anonOwn, "spam")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counters(own)).toMatchObject({ insightfulCount: 0 });
  });

  it("lets anonymous visitors rate only while the site allows it", () => {
    expect(() => voterFor(null, "v1", { ...defaultSettings, anonymousRating: false })).toThrow(ForbiddenError);
    expect(voterFor(null, "v1", defaultSettings)).toMatchObject({ key: "v:v1", kind: "visitor" });
  });
});

describe("setFlag", () => {
  it("hides a comment when flag weight reaches the threshold (members weigh 2, visitors 1) and shows it again when flags are withdrawn", async () => {
    const id = await comment((await member()).id);
    const [m1, m2] = [asMember(await member()), asMember(await member())];
    const v1 = asVisitor();
    await setFlag(m1, id, "trolling");
    await setFlag(m2, id, "abusive");
    expect(await counters(id)).toMatchObject({ flagWeight: 4, status: "published" });
    await setFlag(v1, id, "spam");
    expect(await counters(id)).toMatchObject({ flagWeight: 5, status: "hidden", hiddenBy: "community" });
    await setFlag(m2, id, null);
    expect(await counters(id)).toMatchObject({ flagWeight: 3, status: "published", hiddenBy: null });
  });

  it("hides at once when a moderator flags", async () => {
    const id = await comment((await member()).id);
    await setFlag(asMember(await member("moderator")), id, "spam");
    expect(await counters(id)).toMatchObject({ status: "hidden", hiddenBy: "moderator" });
  });

  it("counts a flag sent many times at once once", async () => {
    const id = await comment((await member()).id);
    const voter = asMember(await member());
    await Promise.all(Array.from({ length: 20 }, () => setFlag(voter, id, "spam")));
    expect(await db.flag.count({ where: { commentId: id } })).toBe(1);
    expect((await counters(id)).flagWeight).toBe(2);
  });

  it("only weight beyond what a moderator approved hides a comment again", async () => {
    const id = await comment((await member()).id);
    await db.comment.update({ where: { id }, data: { flagWeight: 6, flagWeightApproved: 6 } });
    await setFlag(asMember(await member()), id, "spam");
    expect(await counters(id)).toMatchObject({ status: "published" });
    await setFlag(asMember(await member()), id, "spam");
    await setFlag(asVisitor(), id, "spam");
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
    expect(authors.counts[id]).toEqual({ insightful: 0, funny: 1, flagWeight: 2 });
    const moderators = await viewerRatings(articleId, await member("moderator"), null);
    expect(moderators.counts[id]).toEqual({ insightful: 0, funny: 1, flagWeight: 2 });
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
    await setFlag(asVisitor(), id, "spam");
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
    expect((await setFlag(asMember(await member()), id, "spam")).changesPage).toBe(false);
    expect((await setFlag(asMember(await member()), id, "spam")).changesPage).toBe(false);
    expect((await setFlag(asVisitor(), id, "spam")).changesPage).toBe(true);
    expect((await setFlag(asVisitor(), id, "abusive")).changesPage).toBe(true);
  });
});
