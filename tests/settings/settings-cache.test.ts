// Site settings are read once per process and read again when they change (issue 21): a write
// through the site is in effect at once, one made behind the site's back within the maximum age.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { SettingsCache, SETTINGS_MAX_AGE_MS } from "../../lib/settings/cache";
import { defaultSettings, type SiteSettings } from "../../lib/settings/defaults";
import { updateSettings } from "../../lib/settings/mutations";
import { getSettings, settingsChanged } from "../../lib/settings/queries";
import { readStoredSettings } from "../../lib/settings/stored";
import { testMember } from "../support/voices";
import { watchQueries } from "../support/watch-queries";

const db = getDb();

/** Statements that read the Setting table while `run` runs. */
async function settingsReadsOf(run: () => Promise<unknown>): Promise<number> {
  const seen: string[] = [];
  const restore = watchQueries((sql) => seen.push(sql));
  try {
    await run();
  } finally {
    await restore();
  }
  return seen.filter((sql) => /^SELECT .*FROM [`"]?(main|public)[`"]?\.[`"]Setting[`"]/.test(sql)).length;
}

// Written behind the site's back, as another process on the same database without Redis would.
const storeDirectly = (key: keyof SiteSettings, value: unknown) =>
  db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } });

afterEach(async () => {
  await db.setting.deleteMany();
  await settingsChanged();
});

describe("the process's settings", () => {
  it("are read from the database once, however many callers ask at the same time", async () => {
    await settingsChanged();
    expect(await settingsReadsOf(() => Promise.all([getSettings(), getSettings(), getSettings(), getSettings()]))).toBe(1);
    expect(await settingsReadsOf(() => getSettings())).toBe(0);
  });

  it("changed by an admin are in effect at once", async () => {
    expect((await getSettings()).flagHideWeight).toBe(defaultSettings.flagHideWeight);
    await updateSettings(await testMember({ role: "admin" }), { ...defaultSettings, flagHideWeight: 8, anonymousRating: false });
    expect(await getSettings()).toMatchObject({ flagHideWeight: 8, anonymousRating: false });
  });

  it("keep a default for a stored value that is malformed or out of range, and use the others", async () => {
    await db.setting.create({ data: { key: "flagHideWeight", value: "{not json" } });
    await storeDirectly("firstWordCost", -4);
    await storeDirectly("lastWordCost", 7);
    await settingsChanged();
    expect(await getSettings()).toMatchObject({ flagHideWeight: defaultSettings.flagHideWeight, firstWordCost: defaultSettings.firstWordCost, lastWordCost: 7 });
  });

  it("are each caller's own: changing the object handed out changes nobody else's", async () => {
    const mine = await getSettings();
    mine.anonymousCommenting = false;
    expect((await getSettings()).anonymousCommenting).toBe(true);
  });
});

describe("a settings cache", () => {
  it("sees a value written behind its back once its copy is the maximum age old, not before", async () => {
    let now = 1_000_000;
    const cache = new SettingsCache({ read: () => readStoredSettings(db), now: () => now });
    expect((await cache.get()).lastWordCost).toBe(defaultSettings.lastWordCost);
    await storeDirectly("lastWordCost", 9);
    now += SETTINGS_MAX_AGE_MS - 1;
    expect((await cache.get()).lastWordCost).toBe(defaultSettings.lastWordCost);
    now += 1;
    expect((await cache.get()).lastWordCost).toBe(9);
  });

  it("does not keep what a read begun before a change found", async () => {
    const reads: ((settings: SiteSettings) => void)[] = [];
    const cache = new SettingsCache({ read: () => new Promise((resolve) => reads.push(resolve)), now: () => 0 });
    const before = cache.get();
    await cache.changed();
    reads[0]({ ...defaultSettings, lastWordCost: 1 });
    expect((await before).lastWordCost).toBe(1);
    const after = cache.get();
    expect(reads).toHaveLength(2);
    reads[1]({ ...defaultSettings, lastWordCost: 2 });
    expect((await after).lastWordCost).toBe(2);
  });
});
