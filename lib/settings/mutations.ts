// Changing site settings: admins only, checked here; every change is a Setting row (read on the
// next request, so it is in effect at once) and one ModerationEvent saying what changed.
import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import type { SiteSettings } from "./defaults";
import { getSettings } from "./queries";

export async function updateSettings(viewer: Viewer, next: SiteSettings): Promise<(keyof SiteSettings)[]> {
  requireRole(viewer, "admin", "Only administrators can change site settings.");
  const current = await getSettings();
  const changed = (Object.keys(next) as (keyof SiteSettings)[]).filter((key) => next[key] !== current[key]);
  if (changed.length === 0) return [];
  await getDb().$transaction(async (tx) => {
    for (const key of changed) {
      const value = JSON.stringify(next[key]);
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    await tx.moderationEvent.create({
      data: { actorId: viewer.id, action: "site.settings", reason: changed.map((key) => `${key}: ${String(current[key])} → ${String(next[key])}`).join("; ") },
    });
  });
  return changed;
}
