// How much one voice weighs toward a comment's thresholds. Flag weight also follows the
// flagger's record: flags moderators upheld raise it, rejected ones lower it faster (a throwaway
// that flags honest comments soon weighs nothing). No single voice below moderator ever reaches
// a threshold alone: its weight stops one short.
import type { SiteSettings } from "../settings/defaults";
import type { TrustLevel } from "./levels";

// Net upheld flags (upheld − 2 × rejected) per step of accuracy.
const ACCURACY_STEP = 3;
const REJECTION_COST = 2;

export type FlagRecord = { flagsUpheld: number; flagsRejected: number };

export function baseWeight(level: TrustLevel, settings: SiteSettings): number {
  switch (level) {
    case "anonymous":
      return settings.trustWeightAnonymous;
    case "new":
      return settings.trustWeightNew;
    case "member":
      return settings.trustWeightMember;
    case "established":
    case "moderator":
      return settings.trustWeightEstablished;
  }
}

/** The accuracy step this record earns: negative after rejections, at most the site's bonus. */
export function accuracyAdjustment(record: FlagRecord, settings: SiteSettings): number {
  const net = record.flagsUpheld - REJECTION_COST * record.flagsRejected;
  return Math.min(settings.flagAccuracyBonusMax, net >= 0 ? Math.floor(net / ACCURACY_STEP) : -Math.ceil(-net / REJECTION_COST));
}

const oneShort = (weight: number, threshold: number) => Math.max(0, Math.min(weight, threshold - 1));

/** A flag's weight toward hiding. A moderator's flag hides at once. */
export function flagWeight(level: TrustLevel, record: FlagRecord, settings: SiteSettings): number {
  if (level === "moderator") return settings.flagHideWeight;
  const base = baseWeight(level, settings);
  const adjusted = base === 0 ? 0 : base + accuracyAdjustment(record, settings);
  return oneShort(adjusted, settings.flagHideWeight);
}

/** A rating's weight toward a badge (moderators' too: nobody mints a badge alone). */
export function ratingWeight(level: TrustLevel, threshold: number, settings: SiteSettings): number {
  return oneShort(baseWeight(level, settings), threshold);
}
