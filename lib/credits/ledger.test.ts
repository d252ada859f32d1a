// Admin grants against a real database: only admins, recorded in the ledger and the moderation
// log, and a negative correction never takes a balance below zero.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { FieldError, ForbiddenError } from "../errors";
import { registerUser } from "../users/mutations";
import { creditHistory, grantCredits } from "./ledger";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");

async function person(role: Viewer["role"] = "reader"): Promise<Viewer> {
  const u = await registerUser({ name: "Someone", handle: `g_${unique()}`, email: `g-${unique()}@example.com`, password: "correct horse battery", role });
  return { id: u.id, handle: u.handle, name: "Someone", role, isBanned: false, sessionId: "test" };
}

describe("grantCredits", () => {
  it("lets an admin grant, writing the ledger and the moderation log", async () => {
    const [admin, member] = [await person("admin"), await person()];
    expect(await grantCredits(admin, member.id, 12, "Thanks for the tip")).toBe(12);
    const history = await creditHistory(member.id);
    expect(history.balance).toBe(12);
    expect(history.entries.map((e) => [e.delta, e.reason])).toEqual([[12, "Thanks for the tip"]]);
    const event = await db.moderationEvent.findFirstOrThrow({ where: { targetUserId: member.id, action: "user.credits" } });
    expect([event.actorId, event.reason]).toEqual([admin.id, "+12 credits: Thanks for the tip"]);
  });

  it("refuses anyone but an admin, and changes nothing", async () => {
    const member = await person();
    for (const role of ["reader", "author", "moderator"] as const) {
      await expect(grantCredits(await person(role), member.id, 5, "please")).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await creditHistory(member.id)).balance).toBe(0);
  });

  it("takes credits back only as far as the balance goes", async () => {
    const member = await person();
    await grantCredits("cli", member.id, 4, "grant");
    await expect(grantCredits("cli", member.id, -5, "correction")).rejects.toBeInstanceOf(FieldError);
    expect(await grantCredits("cli", member.id, -4, "correction")).toBe(0);
  });
});
