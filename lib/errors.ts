// Expected failures are typed values: a mutation throws one, the action turns it into a
// message the form shows. Anything else is a bug and goes to error.tsx and the log. Every typed
// error of the domain is defined here, the feature-specific ones below the four general kinds.
import type { SpotlightKind } from "./spotlights/mutations";

export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(message = "That no longer exists.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

/** A problem with one input field (or the form as a whole when `field` is absent). */
export class FieldError extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}

/** Wrong email or password, or no such account: the same words either way (lib/auth/credentials.ts). */
export const SIGN_IN_FAILURE = "Wrong email or password.";

export class SignInFailedError extends Error {
  constructor() {
    super(SIGN_IN_FAILURE);
    this.name = "SignInFailedError";
  }
}

/** A spend larger than the member's balance (lib/credits/ledger.ts); the form shows it as a whole. */
export class NotEnoughCreditsError extends FieldError {
  constructor(
    readonly balance: number,
    readonly cost: number,
  ) {
    super(undefined, `You need ${cost} credits for that and have ${balance}. Ask an admin for more credits.`);
    this.name = "NotEnoughCreditsError";
  }
}

/** Someone else claimed the article's First or Last Word first (lib/spotlights/mutations.ts). */
export class AlreadyClaimedError extends ForbiddenError {
  constructor(kind: SpotlightKind) {
    super(`The ${kind} word has already been claimed.`);
    this.name = "AlreadyClaimedError";
  }
}

/** Only a signed-in member may do this (HTTP 401; a plain form is sent to sign in and back). */
export class SignInRequiredError extends ForbiddenError {
  constructor(message = "Please sign in first.") {
    super(message);
    this.name = "SignInRequiredError";
  }
}

/** A banned member's claim: its own kind, so the answer says so rather than blaming the comment. */
export class BannedFromSpotlightsError extends ForbiddenError {
  constructor() {
    super("Your account may not spotlight comments.");
    this.name = "BannedFromSpotlightsError";
  }
}

/** "try again in 12 minutes" with whole minutes, never "0 minutes". */
export function retryInWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
