// Why a First Word / Last Word claim was refused, said the same with or without JavaScript. The
// JSON answer carries the error's own message; the plain form's answer is a redirect to
// /comments/<id>/spotlight?outcome=<code>, and the page turns the code back into these words. A
// code, not the message, travels in the address, so no link can make the page say anything else.
import { AlreadyClaimedError, BannedFromSpotlightsError, FieldError, ForbiddenError, NotFoundError } from "../errors";
import type { SpotlightKind } from "./mutations";

export const ONLY_VISIBLE_COMMENTS = "Only a visible comment can be spotlighted.";
export const COMMENT_GONE = "That comment no longer exists.";

export type RefusalCode = "claimed" | "credits" | "banned" | "hidden" | "gone" | "invalid";

/** The code for an expected refusal; anything else is a bug and is thrown on. */
export function refusalCode(error: unknown): RefusalCode {
  if (error instanceof AlreadyClaimedError) return "claimed";
  if (error instanceof BannedFromSpotlightsError) return "banned";
  if (error instanceof FieldError) return "credits";
  if (error instanceof ForbiddenError) return "hidden";
  if (error instanceof NotFoundError) return "gone";
  throw error;
}

/** The words for a code from the address, or undefined for one this site never sends. */
export function refusalMessage(code: string, { kind, cost, balance }: { kind: SpotlightKind; cost: number; balance: number }): string | undefined {
  const label = kind === "last" ? "Last Word" : "First Word";
  const messages: Record<RefusalCode, string> = {
    claimed: new AlreadyClaimedError(kind).message,
    credits: `The ${label} costs ${cost} credits and you have ${balance}. Ask an admin for more credits.`,
    banned: new BannedFromSpotlightsError().message,
    hidden: ONLY_VISIBLE_COMMENTS,
    gone: COMMENT_GONE,
    invalid: "Choose First Word or Last Word.",
  };
  return Object.hasOwn(messages, code) ? messages[code as RefusalCode] : undefined;
}
