import { z } from "zod";
import { fromVoteButton } from "./vote-button";

// One rating request: which control, and the state the voter wants. Forms send strings.
const Rating = z.discriminatedUnion("control", [
  z.object({ control: z.enum(["insightful", "funny"]), on: z.enum(["1", "0"]).transform((v) => v === "1") }),
  z.object({
    control: z.literal("flag"),
    on: z.enum(["1", "0"]).transform((v) => v === "1"),
    reason: z.enum(["abusive", "trolling", "spam"], { error: "Choose why: abusive, trolling or spam." }).optional(),
  }),
]);


export const RatingInput = z.preprocess(fromVoteButton, Rating);
export type RatingInput = z.infer<typeof RatingInput>;
