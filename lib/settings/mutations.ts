// Changing site settings: admins only, checked here; every change is a Setting row and one
// ModerationEvent saying what changed, in effect at once (settingsChanged).
import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import type { SiteSettings } from "./defaults";
import { settingsChanged } from "./queries";
import { readStoredSettings } from "./stored";

export async function updateSettings(viewer: Viewer, next: SiteSettings): Promise<(keyof SiteSettings)[]> {
  requireRole(viewer, "admin", "Only administrators can change site settings.");
  const changed = await getDb().$transaction(async (tx) => {
    // Compared with the rows, not this process's copy: that may be a few seconds behind a change
    // made elsewhere, and the log must say what each value really was.
    const current = await readStoredSettings(tx);
    const changed = (Object.keys(next) as (keyof SiteSettings)[]).filter((key) => next[key] !== current[key]);
    for (const key of changed) {
      const value = JSON.stringify(next[key]);
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    if (changed.length) {
      await tx.moderationEvent.create({
        data: { actorId: viewer.id, action: "site.settings", reason: changed.map((key) => `${key}: ${String(current[key])} → ${String(next[key])}`).join("; ") },
      });
    }
    return changed;
  });
  if (changed.length) await settingsChanged();
  return changed;
}
