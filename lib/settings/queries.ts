import "server-only";
import { getDb } from "../db";
import { SiteSettings, defaultSettings } from "./defaults";

/** Current settings: defaults overlaid with stored rows; a malformed row falls back to its default. */
export async function getSettings(): Promise<SiteSettings> {
  const rows = await getDb().setting.findMany({ select: { key: true, value: true } });
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
