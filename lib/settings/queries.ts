import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { onShutdown } from "../server/shutdown";
import { SettingsCache } from "./cache";
import type { SiteSettings } from "./defaults";
import { readStoredSettings } from "./stored";

// One cache per process, on globalThis: Next may bundle this module into several server chunks,
// and a development reload must not leave a second subscriber behind.
const holder = globalThis as unknown as { deptSettings?: SettingsCache };

function processCache(): SettingsCache {
  if (!holder.deptSettings) {
    const cache = new SettingsCache({ read: () => readStoredSettings(getDb()), redisUrl: env().REDIS_URL });
    holder.deptSettings = cache;
    onShutdown("settings-redis", () => cache.close());
  }
  return holder.deptSettings;
}

/** Current settings: defaults overlaid with stored rows (lib/settings/cache.ts says how fresh). */
export function getSettings(): Promise<SiteSettings> {
  return processCache().get();
}

/**
 * Every writer of Setting rows calls this once its write has committed: this process reads them
 * again on its next getSettings(), other instances too when Redis is configured.
 */
export function settingsChanged(): Promise<void> {
  return processCache().changed();
}
