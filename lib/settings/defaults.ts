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
  // Trust (lib/trust): what each level's flag or rating weighs toward the thresholds above.
  // Anonymous and new voices are recorded and reported but, whatever their weight, stay one short
  // of a threshold together; no single voice below moderator reaches one alone.
  trustWeightAnonymous: z.number().int().min(0).max(1000).default(0),
  trustWeightNew: z.number().int().min(0).max(1000).default(0),
  trustWeightMember: z.number().int().min(0).max(1000).default(1),
  trustWeightEstablished: z.number().int().min(0).max(1000).default(2),
  // How many voices from one network (IPv4 /24, IPv6 /64) count toward one comment's threshold.
  networkVoiceCap: z.number().int().min(1).max(1000).default(2),
  // A member is "new" for this long after joining (and until their email is verified)…
  newAccountHours: z.number().int().min(0).max(8760).default(24),
  // …and "established" once this old with this many published comments.
  establishedAfterDays: z.number().int().min(0).max(3650).default(14),
  establishedAfterComments: z.number().int().min(0).max(100_000).default(5),
  // How much upheld flags can add to a member's flag weight (rejected ones take it away).
  flagAccuracyBonusMax: z.number().int().min(0).max(100).default(2),
  // Where members can get credits (a shop, a donation page): named on /credits when set.
  creditsUrl: z.union([z.literal(""), z.string().max(300).regex(/^https?:\/\/\S+$/i)]).default(""),
});

export type SiteSettings = z.infer<typeof SiteSettings>;

export const defaultSettings: SiteSettings = SiteSettings.parse({});
