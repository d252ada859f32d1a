import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { ForbiddenError } from "../errors";
import { registerUser } from "../users/mutations";
import { defaultSettings } from "./defaults";
import { updateSettings } from "./mutations";
import { getSettings, settingsChanged } from "./queries";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");

async function person(role: Viewer["role"]): Promise<Viewer> {
  const u = await registerUser({ name: "Keeper", handle: `k_${unique()}`, email: `k-${unique()}@example.com`, password: "correct horse battery", role });
  return { id: u.id, handle: u.handle, name: "Keeper", role, isBanned: false, sessionId: "test" };
}

afterEach(async () => {
  await db.setting.deleteMany();
  await settingsChanged();
});

describe("updateSettings", () => {
  it("stores only what changed, takes effect on the next read and logs who changed what", async () => {
    const admin = await person("admin");
    const changed = await updateSettings(admin, { ...defaultSettings, anonymousRating: false, flagHideWeight: 8 });
    expect(changed.sort()).toEqual(["anonymousRating", "flagHideWeight"]);
    expect(await getSettings()).toMatchObject({ anonymousRating: false, flagHideWeight: 8, anonymousCommenting: true });
    const event = await db.moderationEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "site.settings" } });
    expect(event.reason).toBe("anonymousRating: true → false; flagHideWeight: 5 → 8");
  });

  it("refuses everyone but admins", async () => {
    for (const role of ["reader", "author", "moderator"] as const) {
      await expect(updateSettings(await person(role), { ...defaultSettings, firstWordCost: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await getSettings()).firstWordCost).toBe(5);
  });
});
