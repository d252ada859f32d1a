import { z } from "zod";
import { cleanText } from "../text";
import { REASON_MAX } from "./types";

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown comment.");

const text = (s: string) => cleanText(s).trim();

// Readers see a removal's reason in place of the comment, so it may not be left blank.
const RequiredReason = (missing: string) =>
  z.string().transform(text).pipe(z.string().min(1, missing).max(REASON_MAX, `Keep the reason to ${REASON_MAX} characters or fewer.`));

export const ApproveInput = z.object({
  commentId: Id,
  reason: z.string().transform(text).pipe(z.string().max(REASON_MAX, `Keep the note to ${REASON_MAX} characters or fewer.`)),
});
export type ApproveInput = z.infer<typeof ApproveInput>;

export const RemoveInput = z.object({ commentId: Id, reason: RequiredReason("Say why the comment is removed; readers will see it.") });
export type RemoveInput = z.infer<typeof RemoveInput>;

export const BanInput = z.object({ commentId: Id, reason: RequiredReason("Say why the author is banned.") });
export type BanInput = z.infer<typeof BanInput>;

/** The members list's "Ban from posting": a member by id, with the reason the moderation log keeps. */
export const MemberId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown member.");
export const BanMemberInput = z.object({ userId: MemberId, reason: RequiredReason("Say why the member is banned.") });
export type BanMemberInput = z.infer<typeof BanMemberInput>;

// A ban is lifted by the member's id, the visitor's key or the network, whichever the ban list names.
export const LiftBanInput = z.object({
  kind: z.enum(["user", "visitor", "network"], { error: "Unknown ban." }),
  target: z.string().regex(/^[A-Za-z0-9_.:/-]{1,64}$/, "Unknown ban."),
});
export type LiftBanInput = z.infer<typeof LiftBanInput>;
