import { z } from "zod";

export const SpotlightInput = z.object({ kind: z.enum(["first", "last"], { error: "Choose First Word or Last Word." }) });

/** What the comment options show: which spotlights are free on this article and their price. */
export type SpotlightOffer = { firstClaimed: boolean; lastClaimed: boolean; firstCost: number; lastCost: number };
