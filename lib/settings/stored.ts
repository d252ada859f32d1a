import "server-only";
import type { Db, Tx } from "../db";
import { SiteSettings, defaultSettings } from "./defaults";

/** The settings as stored now: defaults overlaid with the rows; a malformed row falls back to its default. */
export async function readStoredSettings(db: Db | Tx): Promise<SiteSettings> {
  const rows = await db.setting.findMany({ select: { key: true, value: true } });
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const row of rows) {
    if (!(row.key in defaultSettings)) continue;
    try {
      merged[row.key] = JSON.parse(row.value);
    } catch {
      // keep the default
    }
  }
  const parsed = SiteSettings.safeParse(merged);
  if (parsed.success) return parsed.data;
  const valid = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof SiteSettings)[]) {
    const one = SiteSettings.shape[key].safeParse(merged[key]);
    if (one.success) (valid as Record<string, unknown>)[key] = one.data;
  }
  return valid;
}
