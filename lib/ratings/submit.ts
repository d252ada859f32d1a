// Rating or flagging a comment, the one write path (the route app/api/comments/[id]/rating only
// translates HTTP around it, lib/http/form-or-json.ts): who is asking, whether they may, how
// fast, the write, and what it invalidates.
import "server-only";
import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle, revalidateRatings } from "../cache/revalidate";
import { getViewer } from "../auth/viewer";
import { FieldError, ForbiddenError, NotFoundError, RateLimitedError } from "../errors";
import { clientNetwork } from "../request";
import { getSettings } from "../settings/queries";
import { ensureVisitorId } from "../visitor";
import { ratingLimits } from "./limits";
import { articleSlugOf, setFlag, setVote, type RatingResult } from "./mutations";
import type { RatingInput } from "./schemas";
import { voterFor } from "./voter";

export async function submitRating(commentId: string, input: RatingInput, { asForm = false } = {}): Promise<{ on: boolean; hiddenBy?: "moderator" | "community" | null }> {
  const [viewer, settings] = await Promise.all([getViewer(), getSettings()]);
  const { ip, network } = await clientNetwork();
  const voter = voterFor(viewer, await ensureVisitorId(), settings, network);
  // The settings read here and the rate limits go into the write: it reads neither again.
  const context = { settings, limits: ratingLimits(voter, ip) };
  const result =
    input.control === "flag"
      ? await setFlag(voter, commentId, input.on ? (input.reason ?? "abusive") : null, context)
      : await setVote(voter, commentId, input.control, input.on, context);
  // A vote changes the counts on its author's profile and the best of the week.
  if (input.control !== "flag") await revalidateRatings();
  // Badges, hiding and the reasons shown on a hidden comment are part of the cached page; a vote
  // that changes none of them (most) leaves the page cached.
  if (!result.changesPage && !asForm) return answer(input, result);
  const slug = await articleSlugOf(result.articleId);
  if (result.changesPage) await revalidateArticle(slug);
  // The rater's next view of the article is rendered for them: it must show a change to the
  // page, and a plain form (no JavaScript) lands there and shows the reader's own ratings.
  await showFreshTo(slug);
  return answer(input, result);
}

function answer(input: RatingInput, result: RatingResult): { on: boolean; hiddenBy?: "moderator" | "community" | null } {
  return input.control === "flag" ? { on: result.on, hiddenBy: result.hiddenBy ?? null } : { on: result.on };
}

/** A refusal's code for the plain form's page (app/comments/[id]/rate); anything else is thrown on. */
export function ratingRefusalCode(error: unknown): string {
  if (error instanceof RateLimitedError) return "too-fast";
  if (error instanceof ForbiddenError) return "forbidden";
  if (error instanceof NotFoundError) return "gone";
  if (error instanceof FieldError) return "invalid";
  throw error;
}
