// The members list shows every member's email: only an admin may read it, and the query itself
// refuses anyone else (not only the page that calls it).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { ForbiddenError } from "../errors";
import { testMember } from "../../tests/support/voices";
import { trustOfMembers } from "../trust/queries";
import { getOwnAccount, listUsersForAdmin } from "./queries";

let listed: Viewer;
let email: string;

beforeAll(async () => {
  listed = await testMember();
  email = `m-${listed.handle.slice(2)}@example.com`;
});

describe("listUsersForAdmin", () => {
  it("gives an admin the members with their emails", async () => {
    const admin = await testMember({ role: "admin" });
    const { rows, total } = await listUsersForAdmin(admin, listed.handle, 1);
    expect(total).toBe(1);
    expect(rows).toEqual([expect.objectContaining({ id: listed.id, handle: listed.handle, email })]);
  });

  it.each(["reader", "author", "moderator"] as const)("refuses a %s, who gets no rows", async (role) => {
    const caller = await testMember({ role });
    await expect(listUsersForAdmin(caller, listed.handle, 1)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a signed-out caller", async () => {
    await expect(listUsersForAdmin(null, `${randomBytes(2).toString("hex")}`, 1)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("trustOfMembers", () => {
  it("gives an admin each member's level and flag record, and refuses everyone else", async () => {
    const admin = await testMember({ role: "admin" });
    expect((await trustOfMembers(admin, [listed.id])).get(listed.id)).toEqual(expect.objectContaining({ flagsUpheld: 0, flagsRejected: 0 }));
    for (const role of ["reader", "author", "moderator"] as const) {
      await expect(trustOfMembers(await testMember({ role }), [listed.id])).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(trustOfMembers(null, [listed.id])).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("getOwnAccount", () => {
  it("reads only the caller's own account, and nothing for a signed-out caller", async () => {
    expect(await getOwnAccount(listed)).toEqual(expect.objectContaining({ handle: listed.handle, email }));
    expect(await getOwnAccount(null)).toBeNull();
  });
});
