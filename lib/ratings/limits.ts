// How fast one voter may rate or flag. The slots are taken inside the vote's or flag's own
// transaction (lib/rate-limit-tx.ts): a refusal, or a rating that fails, takes none.
import { RateLimitedError } from "../errors";
import type { LimitCheck } from "../rate-limit";
import type { Voter } from "./voter";

// Generous for a reader going down a thread, tight enough to stop a script stuffing ratings.
const PER_VISITOR_IP = { limit: 60, windowMs: 10 * 60_000 };
// A network's visitors share a wider allowance: neighbours are not slowed, a script hopping
// addresses within the network is.
const PER_VISITOR_NETWORK = { limit: 180, windowMs: 10 * 60_000 };
const PER_MEMBER = { limit: 300, windowMs: 10 * 60_000 };

export function ratingLimits(voter: Voter, ip: string): LimitCheck[] {
  return voter.userId
    ? [{ key: `rate:user:${voter.userId}`, ...PER_MEMBER }]
    : [{ key: `rate:ip:${ip}`, ...PER_VISITOR_IP }, { key: `rate:net:${voter.network}`, ...PER_VISITOR_NETWORK }];
}

export function tooFastToRate(retryAfterMs: number): RateLimitedError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new RateLimitedError(`You are rating very fast. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, retryAfterMs);
}
