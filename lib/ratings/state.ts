// One viewer's standing on one comment: what each rating control shows. Pure, so the client
// controls (from the viewer request) and the per-request pages (from the database) agree.
import type { ViewerRatings } from "./queries";

export type RatingState = { insightful: boolean; funny: boolean; flag: boolean; own: boolean; counts?: ViewerRatings["counts"][string] };

export function ratingStateOf(ratings: ViewerRatings, commentId: string): RatingState {
  const votes = ratings.votes[commentId] ?? [];
  return {
    insightful: votes.includes("insightful"),
    funny: votes.includes("funny"),
    flag: ratings.flagged.includes(commentId),
    own: ratings.own.includes(commentId),
    counts: ratings.counts[commentId],
  };
}
