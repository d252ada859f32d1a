// Expected failures are typed values: a mutation throws one, the action turns it into a
// message the form shows. Anything else is a bug and goes to error.tsx and the log.
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

/** "try again in 12 minutes" with whole minutes, never "0 minutes". */
export function retryInWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
