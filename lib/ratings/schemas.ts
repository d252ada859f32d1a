import { z } from "zod";

// One rating request: which control, and the state the voter wants. Forms send strings.
const Rating = z.discriminatedUnion("control", [
  z.object({ control: z.enum(["insightful", "funny"]), on: z.enum(["1", "0"]).transform((v) => v === "1") }),
  z.object({
    control: z.literal("flag"),
    on: z.enum(["1", "0"]).transform((v) => v === "1"),
    reason: z.enum(["abusive", "trolling", "spam"], { error: "Choose why: abusive, trolling or spam." }).optional(),
  }),
]);

/**
 * A vote button carries its control and the state wanted in one value ("insightful.1"), so a
 * comment's two votes share one form (one per comment on the page, not two). Separate fields
 * still work: JSON clients, the flag menu.
 */
function fromVoteButton(input: unknown): unknown {
  if (typeof input !== "object" || input === null || !("set" in input) || typeof input.set !== "string") return input;
  const { set, ...rest } = input as Record<string, unknown> & { set: string };
  const [control, on] = set.split(".", 2);
  return { ...rest, control, on };
}

export const RatingInput = z.preprocess(fromVoteButton, Rating);
export type RatingInput = z.infer<typeof RatingInput>;
