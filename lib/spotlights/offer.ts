import type { SpotlightView } from "../comments/types";
import type { SpotlightOffer } from "./schemas";

/** What a comment's First/Last Word choices show: which is taken already, and each one's price. */
export function spotlightOffer(spotlights: SpotlightView[], costs: { first: number; last: number }): SpotlightOffer {
  return {
    firstClaimed: spotlights.some((s) => s.kind === "first"),
    lastClaimed: spotlights.some((s) => s.kind === "last"),
    firstCost: costs.first,
    lastCost: costs.last,
  };
}
