// Trust levels: what a voice may do with its flags and ratings. Earned from the account's age, a
// verified email and accepted participation, or set by an admin; moderators are their own level.
// Pure: the caller passes the clock and the facts, so every time-bound rule is tested with an
// injected `now`.
import type { SiteSettings } from "../settings/defaults";

export const memberTrustLevels = ["new", "member", "established"] as const;
export type MemberTrustLevel = (typeof memberTrustLevels)[number];
export type TrustLevel = "anonymous" | MemberTrustLevel | "moderator";

/** Levels whose voices are recorded and reported but can never, on their own, reach a threshold. */
export const isUntrusted = (level: string) => level === "anonymous" || level === "new";

export type MemberFacts = {
  isModerator: boolean;
  createdAt: Date;
  emailVerifiedAt: Date | null;
  trustLevel: string | null; // an admin's choice, or null
  acceptedComments: number; // published, not deleted or removed
};

const HOUR = 3_600_000;

export function trustLevelOf(member: MemberFacts, settings: SiteSettings, now: Date): TrustLevel {
  if (member.isModerator) return "moderator";
  const chosen = memberTrustLevels.find((level) => level === member.trustLevel);
  if (chosen) return chosen;
  const age = now.getTime() - member.createdAt.getTime();
  if (!member.emailVerifiedAt || age < settings.newAccountHours * HOUR) return "new";
  if (age >= settings.establishedAfterDays * 24 * HOUR && member.acceptedComments >= settings.establishedAfterComments) return "established";
  return "member";
}
