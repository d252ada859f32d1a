// Site settings with their defaults. A Setting row (key → JSON value) overrides a default;
// the admin pages edit them and they take effect on the next request.
import { z } from "zod";

export const SiteSettings = z.object({
  anonymousCommenting: z.boolean().default(true),
  anonymousRating: z.boolean().default(true),
  insightfulBadgeThreshold: z.number().int().min(1).max(1000).default(5),
  funnyBadgeThreshold: z.number().int().min(1).max(1000).default(5),
  flagHideWeight: z.number().int().min(1).max(1000).default(5),
  firstWordCost: z.number().int().min(0).max(10_000).default(5),
  lastWordCost: z.number().int().min(0).max(10_000).default(3),
  // Flood control: at most one comment per interval per member or IP, and a cap per hour for
  // anonymous posters (per visitor and per IP).
  commentIntervalSeconds: z.number().int().min(0).max(3600).default(15),
  anonymousCommentsPerHour: z.number().int().min(1).max(1000).default(10),
});

export type SiteSettings = z.infer<typeof SiteSettings>;

export const defaultSettings: SiteSettings = SiteSettings.parse({});
