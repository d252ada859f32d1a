// Rating or flagging a comment, the one write path (the route app/api/comments/[id]/rating only
// translates HTTP around it, lib/http/form-or-json.ts): who is asking, whether they may, how
// fast, the write, and what it invalidates.
import "server-only";
import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { getViewer } from "../auth/viewer";
import { FieldError, ForbiddenError, NotFoundError, RateLimitedError } from "../errors";
import { takeSlots } from "../rate-limit";
import { clientNetwork } from "../request";
import { getSettings } from "../settings/queries";
import { ensureVisitorId } from "../visitor";
import { setFlag, setVote } from "./mutations";
import type { RatingInput } from "./schemas";
import { voterFor } from "./voter";

// Generous for a reader going down a thread, tight enough to stop a script stuffing ratings.
const PER_VISITOR_IP = { limit: 60, windowMs: 10 * 60_000 };
// A network's visitors share a wider allowance: neighbours are not slowed, a script hopping
// addresses within the network is.
const PER_VISITOR_NETWORK = { limit: 180, windowMs: 10 * 60_000 };
const PER_MEMBER = { limit: 300, windowMs: 10 * 60_000 };

export async function submitRating(commentId: string, input: RatingInput, { asForm = false } = {}): Promise<{ on: boolean; hiddenBy?: "moderator" | "community" | null }> {
  const [viewer, settings] = await Promise.all([getViewer(), getSettings()]);
  const { ip, network } = await clientNetwork();
  const voter = voterFor(viewer, await ensureVisitorId(), settings, network);
  const slots = voter.userId
    ? [{ key: `rate:user:${voter.userId}`, ...PER_MEMBER }]
    : [{ key: `rate:ip:${ip}`, ...PER_VISITOR_IP }, { key: `rate:net:${network}`, ...PER_VISITOR_NETWORK }];
  const decision = await takeSlots(slots);
  if (!decision.allowed) {
    const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60_000));
    throw new RateLimitedError(`You are rating very fast. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, decision.retryAfterMs);
  }
  const result =
    input.control === "flag"
      ? await setFlag(voter, commentId, input.on ? (input.reason ?? "abusive") : null)
      : await setVote(voter, commentId, input.control, input.on);
  // Badges, hiding and the reasons shown on a hidden comment are part of the cached page; a vote
  // that changes none of them (most) leaves the page cached.
  if (result.changesPage) await revalidateArticle(result.articleSlug);
  // The rater's next view of the article is rendered for them: it must show a change to the
  // page, and a plain form (no JavaScript) lands there and shows the reader's own ratings.
  if (result.changesPage || asForm) await showFreshTo(result.articleSlug);
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
