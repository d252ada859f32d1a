// What a new voice adds to a comment's weight toward a threshold, given what is already there.
// Two rules keep one person from reaching a threshold by multiplying themselves:
// - at most `networkCap` voices from one network count (more accounts or cookies from the same
//   place are recorded but add nothing);
// - anonymous and new voices together stay one short of the threshold, so they can never
//   decide it on their own.
import { isUntrusted, type TrustLevel } from "./levels";

export type TallyContext = {
  threshold: number;
  networkCap: number;
  /** Voices from this network that already count toward this comment. */
  countedFromNetwork: number;
  /** Weight anonymous and new voices already add to this comment. */
  untrustedWeight: number;
};

export function countedWeight(level: TrustLevel, weight: number, ctx: TallyContext): number {
  if (weight <= 0) return 0;
  if (level === "moderator") return weight;
  if (ctx.countedFromNetwork >= ctx.networkCap) return 0;
  if (isUntrusted(level)) return Math.max(0, Math.min(weight, ctx.threshold - 1 - ctx.untrustedWeight));
  return weight;
}

export const UNTRUSTED_LEVELS = ["anonymous", "new"];
