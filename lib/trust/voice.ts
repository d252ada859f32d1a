// A voter's trust at the moment they rate or flag: read inside the write's transaction, so a
// level and a flag record are never older than the write that uses them.
import type { Tx } from "../db";
import type { SiteSettings } from "../settings/defaults";
import { trustLevelOf, type TrustLevel } from "./levels";
import type { FlagRecord } from "./weights";

export type Voice = { level: TrustLevel; record: FlagRecord };

const NO_RECORD: FlagRecord = { flagsUpheld: 0, flagsRejected: 0 };

export async function voiceOf(tx: Tx, voter: { userId: string | null; kind: string }, settings: SiteSettings, now = new Date()): Promise<Voice> {
  if (!voter.userId) return { level: "anonymous", record: NO_RECORD };
  const user = await tx.user.findUniqueOrThrow({
    where: { id: voter.userId },
    select: { createdAt: true, emailVerifiedAt: true, trustLevel: true, flagsUpheld: true, flagsRejected: true },
  });
  // Counting comments is the one costly fact: ask only when it can change the answer.
  const mayBeEstablished = voter.kind !== "moderator" && !user.trustLevel && user.emailVerifiedAt && now.getTime() - user.createdAt.getTime() >= settings.establishedAfterDays * 86_400_000;
  const acceptedComments = mayBeEstablished
    ? await tx.comment.count({ where: { authorId: voter.userId, status: "published", deletedAt: null } })
    : 0;
  const level = trustLevelOf({ ...user, isModerator: voter.kind === "moderator", acceptedComments }, settings, now);
  return { level, record: { flagsUpheld: user.flagsUpheld, flagsRejected: user.flagsRejected } };
}
