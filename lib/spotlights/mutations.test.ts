// Spotlights against a real database: one First Word per article however many members claim it
// at once, charged once; too few credits changes nothing; a spotlighted comment that is hidden or
// deleted loses its spotlight and the member gets the credits back.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { deleteComment } from "../comments/edit-mutations";
import { grantCredits } from "../credits/ledger";
import { getDb } from "../db";
import { AlreadyClaimedError, FieldError, ForbiddenError } from "../errors";
import { setFlag } from "../ratings/mutations";
import { voterFor } from "../ratings/voter";
import { defaultSettings } from "../settings/defaults";
import { registerUser } from "../users/mutations";
import { claimSpotlight } from "./mutations";
import { refusalCode, refusalMessage } from "./refusals";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

async function member(credits = 0, role: Viewer["role"] = "reader"): Promise<Viewer> {
  const u = await registerUser({ name: "Patron", handle: `p_${unique()}`, email: `p-${unique()}@example.com`, password: "correct horse battery", role });
  if (credits) await grantCredits("cli", u.id, credits, "test grant");
  return { id: u.id, handle: u.handle, name: "Patron", role, isBanned: false, sessionId: "test" };
}

async function comment(authorId?: string): Promise<string> {
  const c = await db.comment.create({ data: { articleId, authorId, body: `Spotlight me ${unique()}` } });
  await db.comment.update({ where: { id: c.id }, data: { rootId: c.id } });
  return c.id;
}

const balance = async (v: Viewer) => (await db.user.findUniqueOrThrow({ where: { id: v.id }, select: { credits: true } })).credits;
const ledgerSum = async (v: Viewer) => (await db.creditTransaction.aggregate({ where: { userId: v.id }, _sum: { delta: true } }))._sum.delta ?? 0;

beforeEach(async () => {
  const author = await registerUser({ name: "Author", email: `a-${unique()}@example.com`, password: "correct horse battery", role: "author" });
  const article = await db.article.create({
    data: { slug: `spot-${unique()}`, title: "Spotlit", dept: "testing", body: "Body", status: "published", publishedAt: new Date(), authorId: author.id },
  });
  articleId = article.id;
});

describe("claimSpotlight", () => {
  it("spends the cost and records it in the ledger", async () => {
    const patron = await member(10);
    await claimSpotlight(patron, await comment(), "first");
    await claimSpotlight(patron, await comment(), "last");
    expect(await balance(patron)).toBe(10 - 5 - 3);
    expect(await ledgerSum(patron)).toBe(2);
    expect(await db.spotlight.count({ where: { articleId } })).toBe(2);
  });

  it("gives the First Word to exactly one of 20 members claiming at once, and charges only them", async () => {
    const target = await comment();
    const patrons = await Promise.all(Array.from({ length: 20 }, () => member(5)));
    const results = await Promise.allSettled(patrons.map((p) => claimSpotlight(p, target, "first")));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AlreadyClaimedError);
    expect(await db.spotlight.count({ where: { articleId, kind: "first" } })).toBe(1);
    const balances = await Promise.all(patrons.map(balance));
    expect(balances.filter((b) => b === 0)).toHaveLength(1);
    expect(balances.filter((b) => b === 5)).toHaveLength(19);
    expect(await db.creditTransaction.count({ where: { userId: { in: patrons.map((p) => p.id) }, delta: { lt: 0 } } })).toBe(1);
  });

  it("refuses a member with too few credits with the numbers, and changes nothing", async () => {
    const patron = await member(2);
    const failure = await claimSpotlight(patron, await comment(), "first").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FieldError);
    expect((failure as Error).message).toBe("You need 5 credits for that and have 2. Ask an admin for more credits.");
    expect(await balance(patron)).toBe(2);
    expect(await db.spotlight.count({ where: { articleId } })).toBe(0);
  });

  it("refuses hidden, pending and removed comments", async () => {
    const patron = await member(50);
    for (const status of ["hidden", "pending", "removed"] as const) {
      const id = await comment();
      await db.comment.update({ where: { id }, data: { status } });
      await expect(claimSpotlight(patron, id, "last")).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await balance(patron)).toBe(50);
  });
});

describe("takedown", () => {
  it("refunds when the comment is hidden by a moderator's flag", async () => {
    const patron = await member(5);
    const id = await comment();
    await claimSpotlight(patron, id, "first");
    expect(await balance(patron)).toBe(0);
    await setFlag(voterFor(await member(0, "moderator"), "vm", defaultSettings, "10.0.0.0/24"), id, "spam");
    expect(await db.spotlight.count({ where: { commentId: id } })).toBe(0);
    expect(await balance(patron)).toBe(5);
    const refund = await db.creditTransaction.findFirstOrThrow({ where: { userId: patron.id, delta: 5, reason: { startsWith: "Refund" } } });
    expect(refund.reason).toMatch(/^Refund: First Word on Spotlit taken down \(hidden by a moderator\)$/);
  });

  it("refunds once when the comment's author deletes it", async () => {
    const author = await member();
    const patron = await member(3);
    const id = await comment(author.id);
    await claimSpotlight(patron, id, "last");
    await Promise.all([deleteComment(author, id), deleteComment(author, id)].map((p) => p.catch(() => null)));
    expect(await balance(patron)).toBe(3);
    expect(await ledgerSum(patron)).toBe(3);
  });
});

describe("a refused claim's answer without JavaScript", () => {
  const words = async (claim: Promise<unknown>, kind: "first" | "last" = "first") => {
    const error = await claim.then(() => null, (e: unknown) => e);
    return refusalMessage(refusalCode(error), { kind, cost: 5, balance: 0 });
  };

  it("says the member may not spotlight when they are banned, not that the comment is hidden", async () => {
    const banned = { ...(await member(10)), isBanned: true };
    expect(await words(claimSpotlight(banned, await comment(), "first"))).toBe("Your account may not spotlight comments.");
  });

  it("says why for each other refusal, and nothing for a code the site never sends", async () => {
    const patron = await member(10);
    const hidden = await comment();
    await db.comment.update({ where: { id: hidden }, data: { status: "hidden" } });
    expect(await words(claimSpotlight(patron, hidden, "first"))).toBe("Only a visible comment can be spotlighted.");
    expect(await words(claimSpotlight(patron, "c_no_such_comment", "first"))).toBe("That comment no longer exists.");
    await claimSpotlight(patron, await comment(), "last");
    expect(await words(claimSpotlight(patron, await comment(), "last"), "last")).toBe("The last word has already been claimed.");
    expect(await words(claimSpotlight(await member(0), await comment(), "first"))).toBe("The First Word costs 5 credits and you have 0. Ask an admin for more credits.");
    expect(refusalMessage("constructor", { kind: "first", cost: 5, balance: 0 })).toBeUndefined();
    expect(refusalMessage("<b>anything</b>", { kind: "first", cost: 5, balance: 0 })).toBeUndefined();
  });
});
